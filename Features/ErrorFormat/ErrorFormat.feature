@errors
Feature: Refusals are explained in the OAuth 2 error format
  When the token endpoint refuses a request, RFC 6749 §5.2 says how: a JSON object naming one of six
  registered error codes, with status 400 (or 401 when the client failed to authenticate). Clients in
  every language rely on this to tell "ask the customer again" from "fix the integration".

  @ER-01
  Rule: Every refusal carries the status its error code calls for

    Scenario Outline: A refusal for <mistake> has the right status
      Given a customer of the home brand
      When they make a token request with <mistake>
      Then no token is issued
      And the status matches the error code

      Examples:
        | mistake                   |
        | a wrong password          |
        | an unknown grant type     |
        | no grant type             |
        | no password               |
        | a wrong client secret     |
        | an unknown refresh token  |

  @ER-02
  Rule: Every refusal is a JSON object with a registered error code

    Scenario Outline: A refusal for <mistake> names a registered error code
      Given a customer of the home brand
      When they make a token request with <mistake>
      Then no token is issued
      And the refusal is a JSON object with a registered error code

      Examples:
        | mistake                   |
        | a wrong password          |
        | an unknown grant type     |
        | no grant type             |
        | no password               |
        | a wrong client secret     |
        | an unknown refresh token  |
        | no brand                  |

    Scenario Outline: A request for the <grant> without its <parameter> names a registered error code
      Given a caller ready to use the <grant>
      When they ask for a token without the <parameter>
      Then no token is issued
      And the refusal is a JSON object with a registered error code

      Examples:
        | grant              | parameter     |
        | password grant     | username      |
        | password grant     | password      |
        | operator grant     | username      |
        | operator grant     | password      |
        | client credentials | operator      |
        | refresh grant      | refresh token |

    @wording
    Scenario Outline: A request for the <grant> without its <parameter> is refused as malformed
      Given a caller ready to use the <grant>
      When they ask for a token without the <parameter>
      Then the refusal is "invalid_request"

      Examples:
        | grant              | parameter     |
        | password grant     | username      |
        | password grant     | password      |
        | operator grant     | username      |
        | operator grant     | password      |
        | client credentials | operator      |
        | refresh grant      | refresh token |

    @whole-run
    Scenario: Every refusal of this run from the token endpoint names a registered error code
      Given the answers the deployment gave in every other scenario of this run
      Then every refusal of the token endpoint is a JSON object naming a registered error code

  @ER-03
  Rule: Error codes and descriptions use plain ASCII, whatever the language asked for

    Scenario Outline: A refusal asked in "<language>" keeps to the allowed characters
      Given a customer of the home brand who prefers the language "<language>"
      When they make a token request with a wrong password
      Then no token is issued
      And the error code and description use only the characters RFC 6749 allows

      Examples:
        | language |
        | it       |
        | en       |

    @whole-run
    Scenario: Every refusal of this run keeps to the allowed characters
      Given the answers the deployment gave in every other scenario of this run
      Then every error code and description of this run uses only the characters RFC 6749 allows

  @ER-04
  Rule: A missing or unsupported grant type is named as such

    Scenario: A request without a grant type is malformed
      Given a customer of the home brand
      When they make a token request with no grant type
      Then the refusal is "invalid_request"

    Scenario Outline: An unknown grant type sent with the <grant>'s parameters is unsupported
      Given a caller ready to use the <grant>
      When they ask for a token naming an unknown grant type instead
      Then no token is issued
      And the refusal is "unsupported_grant_type"

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

    Scenario: An unknown grant type sent alone is unsupported
      Given a customer of the home brand
      When they make a token request with only an unknown grant type
      Then no token is issued
      And the refusal is "unsupported_grant_type"

    Scenario: Client credentials, where the environment declares it not offered, buys no token
      Given the deployment does not offer client credentials
      And the primary client acting for an operator of the home brand
      When it asks for a token with its client credentials
      Then no token is issued, as the environment declares client credentials not offered

    Scenario Outline: The browser grant "<grant type>" is not offered to this client
      Given a customer of the home brand
      When they make a token request with the grant type "<grant type>"
      Then no token is issued
      And the refusal is one of "unsupported_grant_type, unauthorized_client, invalid_request, invalid_grant"

      Examples:
        | grant type         |
        | authorization_code |
        | implicit           |

  @ER-05
  Rule: Scopes are handled consistently

    Scenario: A made-up scope is refused or ignored, never granted
      Given a customer of the home brand
      When they sign in asking for a scope that does not exist
      Then the made-up scope is refused as "invalid_scope" or left out of the token

  @ER-06
  Rule: Malformed requests never cause a server error

    Scenario Outline: A token request with <oddity> is refused as a client error
      Given a customer of the home brand
      When they make a token request with <oddity>
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | oddity                             |
        | a JSON body instead of a form      |
        | an XML content type                |
        | a broken percent-encoding          |
        | a username of 10000 characters     |
        | a username in another alphabet     |
        | a control character in the password |

    Scenario Outline: A request for the <grant> whose address holds <oddity> gets a token or a client error, never a server error
      Given a caller ready to use the <grant>
      When they ask for a token with <oddity> in the address
      Then a token is issued, or the request is refused with a client error

      Examples:
        | grant              | oddity                      |
        | password grant     | a truncated character       |
        | password grant     | bytes that are no text      |
        | password grant     | a parameter without a name  |
        | operator grant     | a truncated character       |
        | operator grant     | bytes that are no text      |
        | operator grant     | a parameter without a name  |
        | client credentials | a truncated character       |
        | client credentials | bytes that are no text      |
        | client credentials | a parameter without a name  |
        | refresh grant      | a truncated character       |
        | refresh grant      | bytes that are no text      |
        | refresh grant      | a parameter without a name  |

    Scenario: A valid token request padded to 200 kilobytes gets a token or a client error, never a server error
      Given a customer of the home brand
      When they make a token request with a body of 200 kilobytes
      Then a token is issued, or the request is refused with a client error

    @whole-run
    Scenario: No answer of this run is a server error or shows the deployment's internals
      Given the answers the deployment gave in every other scenario of this run
      Then no answer of this run is a server error or shows the deployment's internals
