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

  # Declared first in its file, queued last: it judges what every other scenario left behind.
  @whole-run
  Scenario: Judges the whole run
    Given the scenario stores "W1"
    Then it still sees "W1" in its own context
