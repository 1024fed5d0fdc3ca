@ignore
Feature: Ignored feature

  Scenario: Never run
    Given the calculator is switched on
