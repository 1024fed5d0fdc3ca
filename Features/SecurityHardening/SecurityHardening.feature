@security
Feature: The deployment resists common attacks on tokens
  Beyond the protocol, the OAuth security guidance (RFC 6819, RFC 9700) and OWASP's API rules expect a
  deployment to make tokens hard to guess, short-lived, never echoed back, and to expose nothing it
  does not need. A miss here is reported as a warning unless the environment's policy says otherwise.

  @SH-01
  Rule: Tokens cannot be guessed

    Scenario: Access and refresh tokens carry at least 128 bits of randomness
      Given a customer of the home brand
      When they sign in 5 times
      Then every token carries at least 128 bits of randomness
      And no two tokens are alike

  @SH-02
  Rule: Access tokens are short-lived and say so

    Scenario: The token response states a lifetime of at most an hour
      Given a customer of the home brand
      When they sign in with their password
      Then a token is issued
      And the token is said to expire within an hour

  @SH-03
  Rule: A rejected token is never echoed back

    Scenario: A made-up token is not repeated in the refusal
      Given a customer of the home brand
      When they read their billing group balance with a made-up token
      Then the refusal does not repeat the token

    Scenario: A made-up refresh token is not repeated in the refusal
      Given a customer of the home brand holds an access token
      When they renew the token with a refresh token that was never issued
      Then the refusal does not repeat the token

  @SH-04
  Rule: Endpoints Rator does not document are not exposed

    Scenario Outline: The undocumented endpoint "<endpoint>" is closed
      Given a customer of the home brand holds an access token
      When the undocumented endpoint "<endpoint>" is called
      Then it answers with a client error and reveals nothing

      Examples:
        | endpoint            |
        | oauth/authorize     |
        | oauth/check_token   |
        | oauth/token_key     |
        | oauth/confirm_access |

  @SH-05 @tls
  Rule: TLS is of good quality
    A certificate clients cannot trust, expired or issued for another host is a release-gating failure, and so is an
    old protocol (RFC 6749 §10.9, RFC 8996, RFC 9325). The cipher suite and an approaching expiry only warn. These
    scenarios send no credentials, so they run even when the certificate keeps the run from its first token.

    Scenario: The certificate comes from an issuer the run trusts
      Given the deployment is served over HTTPS
      When its TLS connection is examined
      Then its certificate comes from an issuer the run trusts

    Scenario: The certificate has not expired
      Given the deployment is served over HTTPS
      When its TLS connection is examined
      Then its certificate is within its validity period

    Scenario: The certificate is issued for the deployment's host name
      Given the deployment is served over HTTPS
      When its TLS connection is examined
      Then its certificate is issued for the deployment's host name

    Scenario: TLS 1.2 or newer is negotiated
      Given the deployment is served over HTTPS
      When its TLS connection is examined
      Then TLS 1.2 or newer is negotiated

    Scenario: TLS 1.0 and 1.1 are refused
      Given the deployment is served over HTTPS
      When its TLS connection is examined
      Then a connection offering only TLS 1.0 and 1.1 is refused

    @advisory
    Scenario: The cipher suite is one RFC 9325 recommends
      Given the deployment is served over HTTPS
      When its TLS connection is examined
      Then the negotiated cipher suite is one RFC 9325 recommends

    @advisory
    Scenario: The certificate does not expire within the warning period
      Given the deployment is served over HTTPS
      When its TLS connection is examined
      Then its certificate stays valid beyond the warning period

  @SH-06 @intrusive
  Rule: Concurrent requests do not break the token service

    Scenario: Ten parallel sign-ins and ten parallel renewals all succeed or fail cleanly
      Given a customer of the home brand holds an access token
      When they sign in 10 times at once and renew their token 10 times at once
      Then no request caused a server error
      And the last token issued reads the customer's billing group balance

  @SH-07 @intrusive
  Rule: Guessing tokens at the resources gets nothing

    Scenario: Fifty made-up tokens are all refused
      Given a customer of the home brand
      When 50 made-up tokens are tried against their billing group balance
      Then every attempt is refused as unauthenticated
