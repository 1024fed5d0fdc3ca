@refresh
Feature: Tokens are renewed with a refresh token
  Access tokens expire after the validity configured for the client; from then on calls are refused
  as unauthenticated. The vendor documents the refresh grant (RFC 6749 §6) to obtain a new access token without
  asking the customer again. A refresh token belongs to the client, the brand and the person it was
  issued for, and only to them.

  @RT-01
  Rule: A refresh token buys a new access token

    @smoke
    Scenario: A customer renews their token and reads their balance with the new one
      Given a customer of the home brand holds an access token
      When they renew the token with their refresh token
      Then a token is issued
      And the token reads the customer's billing group balance

    Scenario Outline: A deployment that revokes the previous access token on renewal does so for <token>
      Given the deployment revokes the previous access token on renewal
      And a caller holding <token> of the home brand
      When they renew the token with their refresh token
      Then a token is issued
      And the previous access token no longer reads the balance

      # Application tokens come without a refresh token (RFC 6749 §4.4.3): there is nothing to renew.
      Examples:
        | token             |
        | a customer token  |
        | an operator token |
        | a renewed token   |

    Scenario Outline: A deployment that keeps the previous access token on renewal lets <token> read until it expires
      Given the deployment keeps the previous access token on renewal
      And a caller holding <token> of the home brand
      When they renew the token with their refresh token
      Then a token is issued
      And the previous access token still reads the balance

      # Application tokens come without a refresh token (RFC 6749 §4.4.3): there is nothing to renew.
      Examples:
        | token             |
        | a customer token  |
        | an operator token |
        | a renewed token   |

    @slow
    Scenario: A caller whose token expired is refused, renews it and carries on
      Given a customer of the home brand holds a short-lived access token
      And the access token has expired
      When they read their billing group balance
      Then the request is refused as unauthenticated
      When they renew the token with their refresh token
      Then the token reads the customer's billing group balance
      And the expired access token stays refused

  @RT-02
  Rule: Renewing a token requires the client to authenticate

    Scenario: A refresh without client authentication gets no token
      Given a customer of the home brand holds an access token
      When they renew the token without the client authenticating
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario: A refresh without client authentication is told the client is not authenticated
      Given a customer of the home brand holds an access token
      When they renew the token without the client authenticating
      Then the client is refused as unauthenticated

  @RT-03
  Rule: A refresh token works only for the client it was issued to

    Scenario: Another client cannot use a customer's refresh token
      Given a customer of the home brand holds an access token
      When the second client tries to renew the token with that refresh token
      Then no token is issued
      And the request is refused with a client error
      And the refresh token still works for its own client

    @wording
    Scenario: Another client using a customer's refresh token is told the grant is invalid
      Given a customer of the home brand holds an access token
      When the second client tries to renew the token with that refresh token
      Then the refusal is "invalid_grant"

  @RT-04
  Rule: Renewing a token never widens what it may do

    Scenario: Asking for more scope at refresh buys no wider token
      Given a customer of the home brand holds an access token
      When they renew the token asking for a wider scope
      Then no token with the wider scope is issued

    Scenario: Asking at refresh for a scope the client holds but the token lacks buys no wider token
      Given a customer of the home brand holds an access token for only some of their client's scopes
      When they renew the token asking for every scope their client holds
      Then no token with the wider scope is issued

    @wording
    Scenario: Asking for more scope at refresh is refused as an invalid scope
      Given a customer of the home brand holds an access token
      When they renew the token asking for a wider scope
      Then a refusal, if there is one, is "invalid_scope"

  @RT-05
  Rule: A missing or unknown refresh token is refused clearly

    Scenario: An unknown refresh token is refused
      Given a customer of the home brand holds an access token
      When they renew the token with a refresh token that was never issued
      Then no token is issued
      And the refusal is "invalid_grant"

    Scenario: A refresh without a refresh token is a malformed request
      Given a customer of the home brand holds an access token
      When they renew the token without sending a refresh token
      Then no token is issued
      And the refusal is "invalid_request"

  @RT-06 @slow
  Rule: An expired refresh token buys nothing, and is refused as an invalid grant

    Scenario: A refresh token past its validity buys nothing
      Given a customer of the home brand holds a short-lived access token
      And the refresh token has expired
      When they renew the token with their refresh token
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario: A refresh token past its validity is refused as an invalid grant
      Given a customer of the home brand holds a short-lived access token
      And the refresh token has expired
      When they renew the token with their refresh token
      Then the refusal is "invalid_grant"

  @RT-07
  Rule: Refresh tokens are used once, and reuse is treated as theft

    Scenario: A used refresh token cannot be used again
      Given the deployment rotates refresh tokens
      And a customer of the home brand holds an access token
      And they have renewed the token once
      And the reuse leeway the environment declares has passed
      When they renew the token again with the first refresh token
      Then no token is issued

    Scenario: Using a used refresh token again revokes its replacement too
      Given the deployment rotates refresh tokens
      And a customer of the home brand holds an access token
      And they have renewed the token once
      And the reuse leeway the environment declares has passed
      When they renew the token again with the first refresh token
      Then the latest refresh token no longer works

    # What the environment declares of rotation and its leeway is a promise to integrators: a departure fails the
    # run whatever the strength of this rule.
    Scenario: A deployment declared to rotate refresh tokens hands out a new one at every renewal
      Given the deployment rotates refresh tokens
      And a customer of the home brand holds an access token
      When they renew the token with their refresh token
      Then the renewal hands out a new refresh token, as the environment declares

    Scenario: A deployment declaring a reuse leeway still accepts the replaced refresh token within it
      Given the deployment rotates refresh tokens with a reuse leeway
      And a customer of the home brand holds an access token
      And they have renewed the token once
      When they renew the token again with the first refresh token
      Then a token is issued, as the declared reuse leeway allows

    Scenario: A deployment that keeps refresh tokens lets the same one be used again
      Given the deployment keeps refresh tokens across renewals
      And a customer of the home brand holds an access token
      And they have renewed the token once
      When they renew the token again with the first refresh token
      Then a token is issued, as the environment declares refresh tokens are kept

  @RT-08
  Rule: A refresh token dies with its account

    Scenario: A customer locked after signing in can no longer renew their token
      Given the suite can lock accounts of the deployment
      And the lockable customer of the home brand holds an access token
      When their account is locked
      And they renew the token with their refresh token
      Then no token is issued
      And the request is refused with a client error
