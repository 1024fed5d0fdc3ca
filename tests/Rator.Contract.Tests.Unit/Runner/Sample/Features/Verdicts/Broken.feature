Feature: Broken on purpose

  Scenario: Never parsed
    Given something
    | not closed
   Examples oops
