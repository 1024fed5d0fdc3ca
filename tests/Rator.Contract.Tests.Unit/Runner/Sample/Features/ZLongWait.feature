Feature: Waiting long

  # Its file comes last in path order; @slow must still start it in the first wave of workers.
  @slow
  Scenario: Starts first although its file comes last
    Given the scenario stores "L1"
    When it waits 300 ms
    Then it still sees "L1" in its own context
