@parallel
Feature: Parallel B

  Scenario: B one
    Given the scenario stores "B1"
    When it waits 600 ms
    Then it still sees "B1" in its own context

  Scenario: B two
    Given the scenario stores "B2"
    When it waits 600 ms
    Then it still sees "B2" in its own context
