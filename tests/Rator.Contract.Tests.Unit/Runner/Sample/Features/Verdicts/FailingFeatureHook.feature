@failing-before-feature
Feature: Failing feature hook

  Scenario: First scenario of a feature whose hook fails
    Given the calculator is switched on

  Scenario: Second scenario of a feature whose hook fails
    Given the calculator is switched on
