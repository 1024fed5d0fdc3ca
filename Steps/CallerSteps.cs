using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Who acts in a scenario: customers, operators, applications, and the client they come through.</summary>
[Binding]
public sealed class CallerSteps(Caller caller, Cast cast, Deployment deployment, TokenHolders holders)
{
    [Given("a customer of the home brand")]
    public void HomeCustomer() => Become(cast.Customer(cast.HomeBrand), TokenGrant.Password);

    [Given("a customer of the other brand")]
    public void OtherBrandCustomer() => Become(cast.Customer(cast.OtherBrand), TokenGrant.Password);

    [Given("an operator of the home brand")]
    public void HomeOperator() => Become(cast.Operator(cast.HomeBrand), TokenGrant.Operator);

    [Given("a customer of the home brand who prefers the language {string}")]
    public void HomeCustomerSpeaking(string language)
    {
        HomeCustomer();
        caller.Language = language;
    }

    [Given("the brute-force customer of the home brand")]
    public void BruteForceCustomer() => Become(cast.Person(PrincipalRole.BruteForceCustomer, cast.HomeBrand), TokenGrant.Password);

    [Given("the timing customer of the home brand")]
    public void TimingCustomer() => Become(cast.Person(PrincipalRole.TimingCustomer, cast.HomeBrand), TokenGrant.Password);

    [Given("the second client")]
    public void SecondClient() => caller.Client = cast.Client(ClientRole.Second);

    [Given("the restricted client")]
    public void RestrictedClient() => caller.Client = cast.Client(ClientRole.Restricted);

    [Given("the client that may only use client credentials")]
    public void ServiceOnlyClient() => caller.Client = cast.Client(ClientRole.ServiceOnly);

    [Given("the brute-force client")]
    public void BruteForceClient() => caller.Client = cast.Client(ClientRole.BruteForce);

    [Given("the primary client acting for an operator of the home brand")]
    public void PrimaryClientActingForOperator() => ActFor(ClientRole.Primary, cast.ClientCredentialsOperator);

    [Given("a client the environment declares without client credentials, acting for an operator of the home brand")]
    public void ClientWithoutClientCredentialsActingForOperator()
    {
        ActFor(ClientRole.Primary, cast.ClientCredentialsOperator);
        UseClientWithout(TokenGrant.ClientCredentials);
    }

    [Given("a client the environment declares without the {TokenGrant}")]
    public void ClientWithout(TokenGrant grant) => UseClientWithout(grant);

    [Given("a client the environment declares for some brands only, and a customer of a brand it is not registered for")]
    public void ClientOutsideABrandWithItsCustomer()
    {
        var (client, brand, reading) = cast.ClientOutsideABrand();
        Become(cast.Customer(brand), TokenGrant.Password);
        (caller.Client, caller.Reading) = (client, reading);
    }

    [Given("the primary client acting for {ForbiddenOperator}")]
    public void PrimaryClientActingFor(ForbiddenOperator @operator) => ActFor(ClientRole.Primary, cast.ForbiddenOperator(@operator));

    [Given("a caller ready to use the {TokenGrant}")]
    public Task ReadyFor(TokenGrant grant) => holders.ReadyForAsync(grant);

    [Given("a customer of the home brand holds an access token")]
    public async Task HomeCustomerHoldsToken()
    {
        HomeCustomer();
        await deployment.ObtainTokenAsync(caller.SignIn());
    }

    [Given("an operator of the home brand holds an access token")]
    public async Task HomeOperatorHoldsToken()
    {
        HomeOperator();
        await deployment.ObtainTokenAsync(caller.SignIn());
    }

    [Given("the lockable customer of the home brand holds an access token")]
    public async Task LockableCustomerHoldsToken()
    {
        Become(cast.Person(PrincipalRole.LockableCustomer, cast.HomeBrand), TokenGrant.Password);
        await deployment.ObtainTokenAsync(caller.SignIn());
    }

    [Given("a customer of the home brand holds a short-lived access token")]
    public async Task HomeCustomerHoldsShortLivedToken()
    {
        HomeCustomer();
        caller.Client = cast.Client(ClientRole.ShortLived);
        await deployment.ObtainTokenAsync(caller.SignIn());
    }

    [Given("a caller holding {TokenKind} of the home brand")]
    public Task HoldingToken(TokenKind kind) => holders.HoldAsync(kind);

    [Given("a caller holding {TokenKind} of the home brand from the short-lived client")]
    public Task HoldingShortLivedToken(TokenKind kind) => holders.HoldAsync(kind, shortLived: true);

    [StepArgumentTransformation("(a customer token|an operator token|an application token|a renewed token)")]
    public static TokenKind Kind(string name) => name switch
    {
        "a customer token" => TokenKind.Customer,
        "an operator token" => TokenKind.Operator,
        "an application token" => TokenKind.Application,
        _ => TokenKind.Renewed,
    };

    [StepArgumentTransformation("(password grant|operator grant|client credentials|refresh grant)")]
    public static TokenGrant Grant(string name) => name switch
    {
        "password grant" => TokenGrant.Password,
        "operator grant" => TokenGrant.Operator,
        "client credentials" => TokenGrant.ClientCredentials,
        _ => TokenGrant.RefreshToken,
    };

    [StepArgumentTransformation("(an operator that does not exist|an operator of the other brand|the privileged operator of the home brand|no operator at all)")]
    public static ForbiddenOperator ForbiddenOperatorNamed(string phrase) => phrase switch
    {
        "an operator that does not exist" => ForbiddenOperator.Unknown,
        "an operator of the other brand" => ForbiddenOperator.OfTheOtherBrand,
        "the privileged operator of the home brand" => ForbiddenOperator.PrivilegedOfTheHomeBrand,
        _ => ForbiddenOperator.NoneAtAll,
    };

    private void Become(Principal person, TokenGrant grant) => caller.Become(person, grant);

    private void UseClientWithout(TokenGrant grant) => (caller.Client, caller.Reading) = cast.ClientWithout(grant);

    private void ActFor(ClientRole client, string? @operator) => caller.ActFor(cast.Client(client), @operator, cast.HomeBrand);
}
