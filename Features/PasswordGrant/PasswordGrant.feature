@password-grant
Feature: Customers sign in with their password
  The vendor documents the resource owner password credentials grant (RFC 6749 §4.3): an application
  that holds a customer's username and password exchanges them for an access token of the customer's
  brand. These rules say when that exchange succeeds and how it refuses.

  @PW-01 @smoke
  Rule: A customer's own credentials buy a token that reads the customer's data

    Scenario: A customer signs in and reads the balance of their billing group
      Given a customer of the home brand
      When they sign in with their password
      Then a token is issued
      And a refresh token comes with it
      And the token reads the customer's billing group balance

  @PW-02
  Rule: The password grant is discouraged for new integrations (RFC 9700 §2.4)

    Scenario: The deployment does not offer the password grant
      Given a customer of the home brand
      When they sign in with their password
      Then no token is issued

  @PW-03
  Rule: A wrong password is refused as an invalid grant

    Scenario: A customer with a wrong password gets no token
      Given a customer of the home brand
      When they sign in with a wrong password
      Then no token is issued
      And the refusal is "invalid_grant"

  @PW-04
  Rule: A refusal does not reveal whether an account exists

    Scenario: Unknown, mistyped and locked accounts are refused alike
      When an unknown user, a known user with a wrong password and a locked user each try to sign in once
      Then all three refusals look the same

    @timing @intrusive
    Scenario: Unknown and existing accounts take equally long to refuse
      Given the timing customer of the home brand
      When their password is tried wrongly 5 times, in turn with an unknown user
      Then the existing account's refusals take no noticeably longer or shorter than the unknown user's

  @PW-05 @intrusive @advisory
  Rule: Guessing passwords is slowed down or stopped

    Scenario: A burst of wrong passwords for one account is throttled
      Given the brute-force customer of the home brand
      When their password is guessed wrongly 30 times within a minute
      Then the deployment shows throttling or a lockout

  @PW-06
  Rule: A client that is not allowed the password grant cannot use it

    Scenario: A client registered without the password grant gets no token with it
      Given a customer of the home brand
      And a client the environment declares without the password grant
      When they sign in with their password
      Then no token is issued
      And the request is refused with a client error

    @wording
    Scenario: A client registered without the password grant is told it is not authorized
      Given a customer of the home brand
      And a client the environment declares without the password grant
      When they sign in with their password
      Then the refusal is "unauthorized_client"

  @PW-07
  Rule: Passwords never travel in the address

    Scenario: Credentials placed in the query string are refused
      Given a customer of the home brand
      When they sign in with their password placed in the address
      Then no token is issued
