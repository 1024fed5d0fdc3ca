@operator-grant
Feature: Operators sign in with the operator grant
  Besides customers, Rator lets its operators (call-centre and back-office staff of a brand) sign in
  with a custom password grant of their own. Operators and customers are separate kinds of account:
  the credentials of one never work with the grant of the other, and only operators reach
  operator-only resources.

  @OP-01
  Rule: Operators sign in with their own grant, and only with it

    @smoke
    Scenario: An operator signs in and reads a customer's balance of their brand
      Given an operator of the home brand
      When they sign in with their password
      Then a token is issued
      And the token reads the customer's billing group balance

    Scenario: A customer's credentials do not work with the operator grant
      Given a customer of the home brand
      When they sign in with the operator grant
      Then no token is issued
      And the request is refused with a client error

    Scenario: An operator's credentials do not work with the customer grant
      Given an operator of the home brand
      When they sign in with the customer grant
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario Outline: Credentials of the other class are refused as an invalid grant
      Given <who> of the home brand
      When they sign in with the <other> grant
      Then the refusal is "invalid_grant"

      Examples:
        | who         | other    |
        | a customer  | operator |
        | an operator | customer |

  @OP-02
  Rule: Operator-only resources are closed to customers

    Scenario: A customer's token cannot read an operator-only resource
      Given a customer of the home brand holds an access token
      When they read the operator-only customer record
      Then the request is refused as forbidden, not found or unauthenticated
      And no customer record is disclosed

    Scenario: An operator's token reads the operator-only resource
      Given an operator of the home brand holds an access token
      When they read the operator-only customer record
      Then the customer record is returned

  @OP-03
  Rule: The operator grant refuses like any OAuth grant

    Scenario: An operator with a wrong password gets no token
      Given an operator of the home brand
      When they sign in with a wrong password
      Then no token is issued
      And the refusal is "invalid_grant"

    Scenario: A client that is not allowed the operator grant cannot use it
      Given an operator of the home brand
      And a client the environment declares without the operator grant
      When they sign in with their password
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario: A client that is not allowed the operator grant is told it is not authorized
      Given an operator of the home brand
      And a client the environment declares without the operator grant
      When they sign in with their password
      Then the refusal is "unauthorized_client"
