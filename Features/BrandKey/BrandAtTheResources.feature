@brand
Feature: Every resource call names its brand, and tokens stay within their brand
  The vendor's pages require the header X-RATOR-brand-key on every resource call. A token issued for
  one brand never reads another brand's data, whatever brand the call names.

  @BK-05 @smoke
  Rule: A resource call must name its brand

    Scenario: A call that names no brand gets no data
      Given a customer of the home brand holds an access token
      When they read their billing group balance without naming a brand
      Then the request is refused as the environment expects for a missing brand
      And no balance is disclosed

    Scenario: The brand header is recognised whatever its letter case
      Given a customer of the home brand holds an access token
      When they read their billing group balance naming the brand in a lower-case header
      Then the balance is returned

  @BK-06 @smoke
  Rule: A token works only for the brand it was issued for

    Scenario: A customer reads their balance naming their own brand
      Given a customer of the home brand holds an access token
      When they read their billing group balance
      Then the balance is returned

    Scenario: A home-brand customer's token cannot read the other brand's data
      Given a customer of the home brand holds an access token
      When they read a billing group balance of the other brand presenting that brand
      Then the request is refused as the environment expects for a foreign brand
      And no balance is disclosed

    Scenario: A home-brand token presented under the other brand's key gets nothing
      Given a customer of the home brand holds an access token
      When they read their billing group balance presenting the other brand
      Then the request is refused as the environment expects for a foreign brand
      And no balance is disclosed
