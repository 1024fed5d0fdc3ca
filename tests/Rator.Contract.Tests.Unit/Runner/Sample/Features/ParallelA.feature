@parallel
Feature: Parallel A

  Scenario: A one
    Given the scenario stores "A1"
    When it waits 600 ms
    Then it still sees "A1" in its own context

  Scenario: A two
    Given the scenario stores "A2"
    When it waits 600 ms
    Then it still sees "A2" in its own context
