using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>The vendor pages' examples, sent as printed with only their placeholders replaced.</summary>
[Binding]
public sealed class DocumentedExampleSteps(Caller caller, Wallet wallet, Cast cast, Deployment deployment, Answers answers)
{
    [When("the brand page's password example is sent as printed")]
    public Task BrandPagePassword() =>
        deployment.AskForTokenAsync(DocumentedExamples.BrandPagePassword(caller.RequirePerson(), caller.RequireBrand()));

    [When("the authentication page's password example is sent as printed")]
    public Task AuthenticationPagePassword() =>
        deployment.AskForTokenAsync(DocumentedExamples.AuthenticationPagePassword(caller.RequirePerson(), caller.RequireBrand()));

    [When("the authentication page's operator example is sent as printed")]
    public Task AuthenticationPageOperator() =>
        deployment.AskForTokenAsync(DocumentedExamples.AuthenticationPageOperator(caller.RequirePerson(), caller.RequireBrand()));

    [When("the authentication page's client credentials example is sent as printed")]
    public Task AuthenticationPageClientCredentials() =>
        deployment.AskForTokenAsync(DocumentedExamples.AuthenticationPageClientCredentials(cast.ClientCredentialsOperator, caller.RequireBrand())
            .WithClient(cast.Client(Rator.Contract.Tests.Support.Configuration.ClientRole.Primary)));

    [When("the refresh example is sent as printed")]
    public Task RefreshExample() =>
        deployment.AskForTokenAsync(DocumentedExamples.RefreshExample(Wallet.RefreshTokenOf(wallet.Current), wallet.Current.Brand ?? caller.RequireBrand(), wallet.Current.Client));

    [When("the brand page's balance example is sent as printed")]
    public Task BrandPageBalance()
    {
        var owner = cast.Customer(caller.RequireBrand());
        return deployment.ReadAsync(DocumentedExamples.BrandPageBalance(cast.BillingGroupOf(owner), wallet.Current.AccessToken, owner.Brand));
    }

    [When("the brand page's password example is sent with its placeholders copied literally")]
    public Task BrandPageWithLiteralPlaceholders() =>
        deployment.AskForTokenAsync(DocumentedExamples.BrandPagePasswordWithLiteralPlaceholders());

    [When("they sign in over plain HTTP")]
    public Task SignInOverPlainHttp() => deployment.AskForTokenAsync(caller.SignIn().UsingPlainHttp());

    [Then("no token is issued over plain HTTP")]
    public void NoTokenOverPlainHttp() => TransportSecurity.CheckRefusedOverPlainHttp(answers.Last);
}
