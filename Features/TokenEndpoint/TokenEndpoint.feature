@token-endpoint
Feature: The token endpoint keeps to the OAuth 2 protocol
  Every grant is served by the same token endpoint (RFC 6749 §3.2). These rules are the protocol
  promises all of them rely on: how a client proves who it is, which requests are refused, and what
  a token response looks like.

  @TE-01
  Rule: Tokens are only issued to POST requests

    Scenario: Asking for a token with GET gets no token
      Given a customer of the home brand
      When they sign in with a GET request
      Then no token is issued
      And the request is refused with a client error

  @TE-02
  Rule: Credentials travel only over TLS

    Scenario: The token endpoint does not accept credentials over plain HTTP
      Given the deployment is served over HTTPS
      And the deployment's plain-HTTP address is known
      And a customer of the home brand
      When they sign in over plain HTTP
      Then no token is issued over plain HTTP

  @TE-03 @smoke
  Rule: Clients authenticate with HTTP Basic, encoded as RFC 6749 §2.3.1 says

    Scenario: The primary client authenticates as curl does
      Given a customer of the home brand
      When they sign in with their password
      Then a token is issued

    Scenario: A client whose secret holds special characters authenticates with the encoded form
      Given a customer of the home brand
      And the second client
      When they sign in with their password, the client credentials form-encoded
      Then a token is issued

  @TE-04
  Rule: Client credentials never travel in the address

    Scenario: A client that puts its credentials in the query string gets no token
      Given a customer of the home brand
      When they sign in with the client credentials in the address instead of authenticating
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario: A client that puts its credentials in the query string is told it is not authenticated
      Given a customer of the home brand
      When they sign in with the client credentials in the address instead of authenticating
      Then the client is refused as unauthenticated

  @TE-05
  Rule: Every grant requires the client to authenticate

    Scenario Outline: A <grant> request without client authentication gets no token
      Given a caller ready to use the <grant>
      When they ask for a token without the client authenticating
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

    @wording
    Scenario: A request without client authentication is told the client is not authenticated
      Given a caller ready to use the password grant
      When they ask for a token without the client authenticating
      Then the client is refused as unauthenticated

  @TE-06
  Rule: A client that fails to authenticate gets no token, and is told so with a Basic challenge

    Scenario Outline: A client presenting <credentials> gets no token
      Given a customer of the home brand
      When they sign in while the client presents <credentials>
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | credentials                       |
        | a wrong secret                    |
        | an empty secret                   |
        | the identity of an unknown client |

    @wording
    Scenario Outline: A client presenting <credentials> is refused with a Basic challenge
      Given a customer of the home brand
      When they sign in while the client presents <credentials>
      Then the client is refused with a Basic challenge

      Examples:
        | credentials                       |
        | a wrong secret                    |
        | an empty secret                   |
        | the identity of an unknown client |

  @TE-07
  Rule: Ambiguous requests are refused

    Scenario: A request naming the grant type twice is refused
      Given a customer of the home brand
      When they sign in naming the grant type twice
      Then no token is issued
      And the refusal is "invalid_request"

    Scenario: A client that authenticates in two ways at once is refused
      Given a customer of the home brand
      When they sign in while the client authenticates both with Basic and in the form body
      Then no token is issued
      And the request is refused as a bad request

  @TE-08
  Rule: Unknown parameters are ignored and empty ones count as absent

    Scenario: A request with an extra unknown parameter still gets a token
      Given a customer of the home brand
      When they sign in adding a parameter the deployment does not know
      Then a token is issued

    Scenario: A request with an empty scope gets a token as if no scope was asked
      Given a customer of the home brand
      When they sign in asking for an empty scope
      Then a token is issued

  @TE-09
  Rule: A token response has the shape RFC 6749 §5.1 describes

    Scenario Outline: The <grant> answers with a well-formed token response
      Given a caller ready to use the <grant>
      When they ask for a token naming their brand as the environment declares
      Then a token is issued
      And the token response is well formed

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

  @TE-10
  Rule: Token responses are never cached

    Scenario: A token response may not be cached
      Given a customer of the home brand
      When they sign in with their password
      Then a token is issued
      And the response may not be stored by any cache

    @wording
    Scenario: A token response also tells old HTTP/1.0 caches not to cache it
      Given a customer of the home brand
      When they sign in with their password
      Then a token is issued
      And the response carries Pragma: no-cache

    # RFC 6749 §5.1 requires no-store on answers holding tokens or credentials; a refusal holds neither.
    @advisory
    Scenario: A refusal from the token endpoint may not be cached either
      Given a customer of the home brand
      When they sign in with a wrong password
      Then no token is issued
      And the response may not be stored by any cache

  @TE-11 @intrusive @advisory
  Rule: Guessing a client's secret is slowed down or stopped

    Scenario: A burst of wrong secrets for one client is throttled
      Given the brute-force client
      When its secret is guessed wrongly 30 times within a minute
      Then the deployment shows throttling or a lockout
