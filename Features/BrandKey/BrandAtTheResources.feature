@brand
Feature: Every resource call names its brand, and tokens stay within their brand
  The vendor's pages require the header X-RATOR-brand-key on every resource call. A token issued for
  one brand never reads another brand's data, whatever brand the call names. Each rule holds for every
  kind of token the deployment issues: a customer's, an operator's, an application's, and one a renewal returned.

  @BK-05 @smoke
  Rule: A resource call must name its brand

    Scenario Outline: A call with <token> that names no brand gets no data
      Given a caller holding <token> of the home brand
      When they read a balance of their brand without naming a brand
      Then the request is refused as the environment expects for a missing brand
      And no balance is disclosed

      Examples:
        | token                |
        | a customer token     |
        | an operator token    |
        | an application token |
        | a renewed token      |

    Scenario Outline: The brand header is recognised whatever its letter case, for a call with <token>
      Given a caller holding <token> of the home brand
      When they read a balance of their brand naming the brand in a lower-case header
      Then the balance is returned

      Examples:
        | token                |
        | a customer token     |
        | an operator token    |
        | an application token |
        | a renewed token      |

  @BK-06 @smoke
  Rule: A token works only for the brand it was issued for

    Scenario Outline: A call with <token> of the home brand reads a balance of its own brand
      Given a caller holding <token> of the home brand
      When they read a balance of their brand
      Then the balance is returned

      Examples:
        | token                |
        | a customer token     |
        | an operator token    |
        | an application token |
        | a renewed token      |

    Scenario Outline: A call with <token> of the home brand cannot read the other brand's data
      Given a caller holding <token> of the home brand
      When they read a billing group balance of the other brand presenting that brand
      Then the request is refused as the environment expects for a foreign brand
      And no balance is disclosed

      Examples:
        | token                |
        | a customer token     |
        | an operator token    |
        | an application token |
        | a renewed token      |

    Scenario Outline: A call with <token> of the home brand presented under the other brand's key gets nothing
      Given a caller holding <token> of the home brand
      When they read a balance of their brand presenting the other brand
      Then the request is refused as the environment expects for a foreign brand
      And no balance is disclosed

      Examples:
        | token                |
        | a customer token     |
        | an operator token    |
        | an application token |
        | a renewed token      |
