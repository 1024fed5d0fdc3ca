Feature: Serial work

  Scenario: Runs with the others
    Given the scenario stores "S0"
    When it waits 300 ms
    Then it still sees "S0" in its own context

  @serial
  Scenario: Runs alone
    Given the scenario stores "S1"
    When it waits 600 ms
    Then it still sees "S1" in its own context
