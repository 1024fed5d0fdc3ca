@token-endpoint
Feature: The token endpoint keeps to the OAuth 2 protocol
  Every grant is served by the same token endpoint (RFC 6749 §3.2). These rules are the protocol
  promises all of them rely on: how a client proves who it is, which requests are refused, and what
  a token response looks like.

  @TE-01
  Rule: Tokens are only issued to POST requests

    Scenario Outline: Asking for a token with GET for the <grant> gets no token
      Given a caller ready to use the <grant>
      When they ask for a token with a GET request
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

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

    # RFC 6749 §5.2: a client that tried Basic and is refused as unauthenticated MUST get 401 and a Basic challenge;
    # a malformed or empty credential may instead be refused as a malformed request (400 invalid_request).
    Scenario Outline: A client presenting <credentials> and refused as unauthenticated is challenged to use Basic
      Given a customer of the home brand
      When they sign in while the client presents <credentials>
      Then a refusal of the client is a 401 with a Basic challenge

      Examples:
        | credentials                       |
        | a wrong secret                    |
        | an empty secret                   |
        | the identity of an unknown client |

    @whole-run
    Scenario: Every client of this run refused after trying Basic is challenged to use Basic
      Given the answers the deployment gave in every other scenario of this run
      Then every refusal of a client that tried Basic is a 401 with a Basic challenge

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

    # The first value buys nothing, the second would: a server that refuses the repetition, or reads the first
    # value, issues no token; only one that lets a later value win does.
    Scenario Outline: A request for the <grant> naming its <parameter> twice gets nothing its first value would not get
      Given a caller ready to use the <grant>
      When they ask for a token naming the <parameter> twice, the first time wrongly
      Then no token is issued

      Examples:
        | grant              | parameter     |
        | password grant     | grant type    |
        | password grant     | username      |
        | password grant     | password      |
        | operator grant     | grant type    |
        | operator grant     | username      |
        | operator grant     | password      |
        | client credentials | grant type    |
        | client credentials | operator      |
        | refresh grant      | grant type    |
        | refresh grant      | refresh token |

    @wording
    Scenario Outline: A request for the <grant> naming its grant type twice is refused as malformed, or served as if named once
      Given a caller ready to use the <grant>
      When they ask for a token naming the grant type twice
      Then the request is refused as "invalid_request", or answered as if the grant type were named once

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

    Scenario: A client that authenticates in two ways at once is refused
      Given a customer of the home brand
      When they sign in while the client authenticates both with Basic and in the form body
      Then no token is issued
      And the request is refused as a bad request

  @TE-08
  Rule: Unknown parameters are ignored and empty ones count as absent

    Scenario Outline: A request for the <grant> with an extra unknown parameter still gets a token
      Given a caller ready to use the <grant>
      When they ask for a token adding a parameter the deployment does not know
      Then a token is issued

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

    Scenario Outline: A request for the <grant> with an empty scope gets a token as if no scope was asked
      Given a caller ready to use the <grant>
      When they ask for a token with an empty scope
      Then a token is issued

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

    # The grant type names the grant: without it, no request is of one grant, so it has one row.
    Scenario Outline: A request for the <grant> with an empty <parameter> gets no token
      Given a caller ready to use the <grant>
      When they ask for a token with the <parameter> empty
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | grant              | parameter     |
        | password grant     | grant type    |
        | password grant     | username      |
        | password grant     | password      |
        | operator grant     | username      |
        | operator grant     | password      |
        | client credentials | operator      |
        | refresh grant      | refresh token |

    @wording
    Scenario Outline: A request for the <grant> with an empty <parameter> is answered as if it had none
      Given a caller ready to use the <grant>
      When they ask for a token with the <parameter> empty, and again without it
      Then both answers are the same refusal

      Examples:
        | grant              | parameter     |
        | password grant     | grant type    |
        | password grant     | username      |
        | password grant     | password      |
        | operator grant     | username      |
        | operator grant     | password      |
        | client credentials | operator      |
        | refresh grant      | refresh token |

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

    @whole-run
    Scenario: No answer of this run that holds a token may be cached
      Given the answers the deployment gave in every other scenario of this run
      Then every answer of the token endpoint that holds a token forbids caching

    @whole-run @advisory
    Scenario: No refusal of this run from the token endpoint may be cached either
      Given the answers the deployment gave in every other scenario of this run
      Then every refusal of the token endpoint forbids caching

  @TE-11 @intrusive @advisory
  Rule: Guessing a client's secret is slowed down or stopped

    Scenario: A burst of wrong secrets for one client is throttled
      Given the brute-force client
      When its secret is guessed wrongly 30 times within a minute
      Then the deployment shows throttling or a lockout
