@calculator
Feature: Sample calculator
  Exercises the Gherkin constructs the runner must carry to Reqnroll.
  A second description line.

  Background:
    Given the calculator is switched on

  Scenario: Add two numbers
    Given I have entered 1 into the calculator
    And I have entered 2 into the calculator
    When I press add
    Then the result should be 3

  Scenario Outline: Multiply <a> by <b>
    Given I have entered <a> into the calculator
    And I have entered <b> into the calculator
    When I press multiply
    Then the result should be <product>

    @smoke
    Examples: small
      | a | b | product |
      | 2 | 3 | 6       |
      | 4 | 5 | 20      |

    Examples: large
      | a   | b   | product |
      | 100 | 200 | 20000   |

  Scenario: Sum a table of numbers
    Given these numbers are entered:
      | value |
      | 5     |
      | 7     |
    When I press add
    Then the result should be 12

  Scenario: Read a doc string with {braces} and v1.2 dots
    Given a note:
      """
      first line
      second line
      """
    Then the note has 2 lines

  @ignore
  Scenario: Ignored scenario
    Given a step nobody implemented

  @rules
  Rule: Division uses the rule's divisor

    Background:
      Given the divisor is 4

    @division
    Scenario: Divide by the rule divisor
      Given I have entered 12 into the calculator
      When I divide by the divisor
      Then the result should be 3
