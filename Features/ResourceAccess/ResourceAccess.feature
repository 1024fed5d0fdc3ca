@resources
Feature: Resources are read with a bearer token
  Once a caller holds an access token, it presents it on every resource call as
  "Authorization: Bearer {token}" (RFC 6750 §2.1). A call without a valid token gets nothing, and says
  so in the way RFC 6750 §3 describes, so that clients know to renew their token.

  @RS-01 @smoke
  Rule: A caller's own token reads the caller's data

    Scenario: A customer reads their balance with their token
      Given a customer of the home brand holds an access token
      When they read their billing group balance
      Then the balance is returned

  @RS-02
  Rule: The word "Bearer" is not case-sensitive

    Scenario Outline: The token is accepted when the scheme is written "<scheme>"
      Given a customer of the home brand holds an access token
      When they read their billing group balance writing the scheme as "<scheme>"
      Then the balance is returned

      Examples:
        | scheme |
        | bearer |
        | BEARER |

  @RS-03
  Rule: A call without a token is challenged to authenticate

    Scenario: A call without a token gets a bearer challenge and no data
      Given a customer of the home brand
      When they read their billing group balance without a token
      Then the request is refused as unauthenticated
      And the answer challenges the caller to present a bearer token
      And the challenge carries no error code

  @RS-04
  Rule: A token the deployment never issued is refused as invalid

    Scenario: A made-up token is refused
      Given a customer of the home brand
      When they read their billing group balance with a made-up token
      Then the request is refused as unauthenticated
      And the answer says the token is invalid
      And no balance is disclosed

  @RS-05 @slow
  Rule: An expired token is refused as invalid

    Scenario Outline: A call with <token> past its validity reads nothing
      Given a caller holding <token> of the home brand from the short-lived client
      And the access token has expired
      When they read a balance of their brand
      Then the request is refused as unauthenticated
      And the answer says the token is invalid
      And no balance is disclosed

      Examples:
        | token                |
        | a customer token     |
        | an operator token    |
        | an application token |
        | a renewed token      |

  @RS-06
  Rule: Tokens are not accepted in the address

    Scenario: A token placed in the address reads nothing
      Given a customer of the home brand holds an access token
      When they read their billing group balance with the token in the address
      Then the request is refused as unauthenticated or as a bad request
      And no balance is disclosed

  @RS-07
  Rule: Ambiguous or malformed credentials are refused without a server error

    Scenario: A token in both the header and the address is refused
      Given a customer of the home brand holds an access token
      When they read their billing group balance with the token in the header and in the address
      Then the request is refused as unauthenticated or as a bad request
      And no balance is disclosed

    Scenario: Malformed credentials are refused
      Given a customer of the home brand holds an access token
      When they read their billing group balance with junk after the token
      Then the request is refused as unauthenticated or as a bad request
      And no balance is disclosed

  @RS-08
  Rule: A customer reads only their own data

    Scenario: A customer cannot read another customer's billing group of the same brand
      Given a customer of the home brand holds an access token
      When they read the billing group balance of another customer of their brand
      Then the request is refused as forbidden or not found
      And no balance is disclosed
