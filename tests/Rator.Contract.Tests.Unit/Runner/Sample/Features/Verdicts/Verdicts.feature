@verdicts
Feature: Sample verdicts
  Each way a scenario can end, for the runner's end-to-end tests.

  Scenario: A failing FluentAssertions step
    Given the calculator is switched on
    Then the result should be 999
    And the result should be 1

  Scenario: A failing NUnit assertion
    Then NUnit asserts 1 equals 2

  Scenario: A step throwing an exception
    When a step throws "boom from step"

  Scenario: An undefined step
    When I do something nobody implemented with 3 apples
    Then the result should be 0

  Scenario: A missing precondition
    Given a precondition that is missing
    Then the result should be 0

  Scenario: A feature absent by design
    Given a feature the deployment does not offer
    Then the result should be 0

  @known-issue
  Scenario: A known issue with an NUnit assertion
    Then NUnit asserts 1 equals 2

  @known-issue
  Scenario: A known issue with a FluentAssertions step
    Given the calculator is switched on
    Then the result should be 42

  @known-issue
  Scenario: A known issue that passes
    Given the calculator is switched on
    Then the result should be 0

  Scenario: A scenario that writes output
    Given a step that writes "hello from the step"

  Scenario: A pending step
    Given a step still to be written
