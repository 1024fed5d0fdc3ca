@brand
Feature: Every token is asked for, and issued for, one brand
  Rator serves several brands from one deployment. The vendor's pages make the brand key mandatory on
  every token request (rator-rest-api-3.x, rator-rest-api-auth-1.x): a token is issued for exactly
  one brand, and only to people and clients that belong to it.

  @BK-01 @smoke
  Rule: No token is issued without a brand

    Scenario Outline: A <grant> request without a brand gets no token
      Given a caller ready to use the <grant>
      When they ask for a token without naming a brand
      Then no token is issued
      And the request is refused as the environment expects for a missing brand

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

    Scenario: A request with an empty brand gets no token
      Given a customer of the home brand
      When they ask for a token naming an empty brand
      Then no token is issued
      And the request is refused as the environment expects for a missing brand

  @BK-02
  Rule: An unknown or malformed brand is refused cleanly

    Scenario Outline: A request naming <brand> is refused without a server error
      Given a customer of the home brand
      When they ask for a token naming <brand>
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | brand                           |
        | a brand that does not exist     |
        | a brand key of 300 characters   |
        | a brand key with markup in it   |
        | a brand key with SQL in it      |
        | a brand key in another alphabet |

  @BK-03
  Rule: The brand parameter form the deployment declares works for every grant

    Scenario Outline: The declared brand form works for the <grant>
      Given a caller ready to use the <grant>
      When they ask for a token naming their brand as the environment declares
      Then a token is issued to the brand form the environment declares

      Examples:
        | grant              |
        | password grant     |
        | operator grant     |
        | client credentials |
        | refresh grant      |

    @advisory
    Scenario Outline: The documented brand form "<name>" in the <place> is accepted
      Given a customer of the home brand
      When they sign in naming their brand as "<name>" in the <place>
      Then a token is issued

      Examples:
        | name      | place        |
        | brand_key | query string |
        | brand_key | form body    |
        | brandKey  | query string |
        | brandKey  | form body    |

  @BK-04
  Rule: Two different brands in one request are refused

    # A server that reads one of the two values keeps the promise as long as the token reads one brand only.
    Scenario: Different brands in the query string and the form body buy no token for both
      Given a customer of the home brand
      When they sign in naming their brand in the query string and the other brand in the form body
      Then the request is refused, or the token issued reads only one of the two brands

    Scenario: The same brand parameter given twice with different brands buys no token for both
      Given a customer of the home brand
      When they sign in naming the brand parameter twice with different brands
      Then the request is refused, or the token issued reads only one of the two brands

    @wording
    Scenario: Different brands in the query string and the form body are refused as a malformed request
      Given a customer of the home brand
      When they sign in naming their brand in the query string and the other brand in the form body
      Then the refusal is "invalid_request"

    @wording
    Scenario: The same brand parameter given twice with different brands is refused as a malformed request
      Given a customer of the home brand
      When they sign in naming the brand parameter twice with different brands
      Then the refusal is "invalid_request"

  @BK-07
  Rule: People and clients get tokens only for their own brand

    Scenario Outline: <who> cannot get a token for the other brand
      Given <who>
      When they sign in naming the other brand
      Then no token is issued
      And the request is refused with a client error

      Examples:
        | who                                                 |
        | a customer of the home brand                        |
        | an operator of the home brand                       |

    Scenario: A client registered for one brand cannot get tokens for another
      Given a client the environment declares for some brands only, and a customer of a brand it is not registered for
      When they sign in with their password
      Then no token is issued

    Scenario: An application cannot act for an operator under another brand's key
      Given the deployment offers client credentials
      And the primary client acting for an operator of the home brand
      When it asks for a token with its client credentials naming the other brand
      Then no token is issued

  @BK-08
  Rule: Renewing a token never moves it to another brand

    Scenario Outline: A refresh of <whose> token naming another brand does not reach that brand's data
      Given <who> of the home brand holds an access token
      When they renew the token naming the other brand
      Then the renewal is refused, or the renewed token still reads only the home brand

      Examples:
        | whose        | who         |
        | a customer's | a customer  |
        | an operator's | an operator |
