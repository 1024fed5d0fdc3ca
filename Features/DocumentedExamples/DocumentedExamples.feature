@documented-examples
Feature: The vendor's documented examples work as printed
  Integrators copy the examples of the vendor's pages ("Rator REST API: brand access" and
  "Authentication Methods"). Each example here is sent exactly as the page prints it, with only its
  placeholders replaced by this environment's values. The pages contradict each other on the brand
  parameter (brand_key in the query, brandKey in the form body), so a deployment may honour only some of
  them: a rejected form is a documentation finding, not a broken deployment, except the resource call
  that every page agrees on.

  Documentation findings recorded from the pages themselves:
  - the brand page writes the password example as "?username=#myusername&password=#mypassword...": run
    literally, everything after "#" is a URL fragment and is never sent;
  - every example uses http://, which would send client secrets and passwords in clear;
  - the operator grant is described with the customer grant's words ("useful if you have the end user's
    password"), a copy-paste slip;
  - the refresh example names the parameter brandKey in the form body, the brand page brand_key in the query;
  - the pages say "Scopes" but the section is empty; another version says scopes are not used.

  @DC-01
  Rule: The brand page's password example works as printed

    Scenario: The password example with everything in the query string issues a token
      Given a customer of the home brand
      When the brand page's password example is sent as printed
      Then a token is issued

  @DC-02
  Rule: The authentication page's password example works as printed

    Scenario: The password example with a form body issues a token
      Given a customer of the home brand
      When the authentication page's password example is sent as printed
      Then a token is issued

  @DC-03
  Rule: The authentication page's operator example works as printed

    Scenario: The operator example issues a token
      Given an operator of the home brand
      When the authentication page's operator example is sent as printed
      Then a token is issued

  @DC-04
  Rule: The authentication page's client credentials example works as printed

    Scenario: The client credentials example issues a token where the grant is offered
      Given the deployment offers client credentials
      And the primary client acting for an operator of the home brand
      When the authentication page's client credentials example is sent as printed
      Then a token is issued

  @DC-05
  Rule: The refresh example works as printed

    Scenario: The refresh example issues a new token
      Given a customer of the home brand holds an access token
      When the refresh example is sent as printed
      Then a token is issued

  @DC-06 @smoke
  Rule: The resource example works as printed

    Scenario: The billing group balance example returns the balance
      Given a customer of the home brand holds an access token
      When the brand page's balance example is sent as printed
      Then the balance is returned

  @DC-07 @slow
  Rule: Tokens expire after the validity configured for the client, then calls are refused as unauthenticated

    Scenario: A short-lived token counts down and is then refused
      Given a customer of the home brand holds a short-lived access token
      Then the token is said to expire within the client's configured validity
      When the access token has expired
      And they read their billing group balance
      Then the request is refused as unauthenticated

  @DC-08
  Rule: The page's placeholders, copied literally, do no harm

    Scenario: The brand page's example with its "#" placeholders is refused cleanly
      Given a customer of the home brand
      When the brand page's password example is sent with its placeholders copied literally
      Then no token is issued
      And the refusal is a client error explained in JSON
