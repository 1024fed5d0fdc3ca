@client-credentials
Feature: Applications act for an operator with client credentials
  Since REST API 17, a trusted application can obtain a token for itself with the client credentials
  grant (RFC 6749 §4.4). Rator needs an operator in every call's context, so the application names the
  operator it acts for. Deployments before version 17 do not offer the grant: there these rules do
  not apply.

  Background:
    Given the deployment offers client credentials

  @CC-01 @smoke
  Rule: An application obtains a token for an operator of a brand

    Scenario: An application acting for an operator reads a balance of the brand
      Given the primary client acting for an operator of the home brand
      When it asks for a token with its client credentials
      Then a token is issued
      And the token reads the customer's billing group balance

  @CC-02
  Rule: Client credentials come without a refresh token (RFC 6749 §4.4.3)

    Scenario: No refresh token is issued to an application
      Given the primary client acting for an operator of the home brand
      When it asks for a token with its client credentials
      Then a token is issued
      And no refresh token comes with it

  @CC-03
  Rule: Only an authenticated client that is allowed the grant gets a token

    Scenario: An application that does not authenticate gets no token
      Given the primary client acting for an operator of the home brand
      When it asks for a token with its client credentials but without authenticating
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario: An application that does not authenticate is told it is not authenticated
      Given the primary client acting for an operator of the home brand
      When it asks for a token with its client credentials but without authenticating
      Then the client is refused as unauthenticated

    Scenario: A client that is not allowed client credentials gets no token
      Given a client the environment declares without client credentials, acting for an operator of the home brand
      When it asks for a token with its client credentials
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario: A client that is not allowed client credentials is told it is not authorized
      Given a client the environment declares without client credentials, acting for an operator of the home brand
      When it asks for a token with its client credentials
      Then the refusal is "unauthorized_client"

  @CC-04
  Rule: An application can act only for a real, ordinary operator of the brand

    Scenario Outline: An application cannot act for <operator>
      Given the primary client acting for <operator>
      When it asks for a token with its client credentials
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | operator                              |
        | an operator that does not exist       |
        | an operator of the other brand        |
        | the privileged operator of the home brand |
        | no operator at all                    |
