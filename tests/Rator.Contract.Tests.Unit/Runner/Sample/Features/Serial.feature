Feature: Serial work

  @serial
  Scenario: Runs alone
    Given the scenario stores "S1"
    When it waits 600 ms
    Then it still sees "S1" in its own context
