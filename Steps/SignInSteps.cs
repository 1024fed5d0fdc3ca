using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>The ways a caller asks the token endpoint for a token, each differing from a plain sign-in in one thing.</summary>
[Binding]
public sealed class SignInSteps(Caller caller, Wallet wallet, Cast cast, Deployment deployment, Mistakes mistakes, TestData data)
{
    [When("they sign in with their password")]
    [When("it asks for a token with its client credentials")]
    [When("they ask for a token naming their brand as the environment declares")]
    public Task SignIn() => Ask(caller.Ask(wallet));

    [When("they sign in with a wrong password")]
    public Task SignInWithWrongPassword() => Ask(mistakes.Make(Mistake.WrongPassword));

    [When("they sign in with the operator grant")]
    public Task SignInWithOperatorGrant() => Ask(caller.SignInWithGrant(TokenGrant.Operator));

    [When("they sign in with the customer grant")]
    public Task SignInWithCustomerGrant() => Ask(caller.SignInWithGrant(TokenGrant.Password));

    [When("they sign in with their password placed in the address")]
    public Task SignInThroughTheAddress() => Ask(caller.SignIn().WithParametersInQuery());

    [When("they sign in with their password, the client credentials form-encoded")]
    public Task SignInWithEncodedClientCredentials() => Ask(caller.SignIn().AuthenticatedBy(ClientAuthentication.Basic));

    [When("they sign in with the client credentials in the address instead of authenticating")]
    public Task SignInWithClientCredentialsInTheAddress() => Ask(caller.SignIn().AuthenticatedBy(ClientAuthentication.Query));

    [When("they ask for a token without the client authenticating")]
    [When("it asks for a token with its client credentials but without authenticating")]
    public Task AskWithoutClientAuthentication() => Ask(caller.Ask(wallet).AuthenticatedBy(ClientAuthentication.None));

    [When("they sign in while the client presents {BadClientCredentials}")]
    public Task SignInWithBadClient(BadClientCredentials credentials) => Ask(caller.SignIn().WithClient(mistakes.BadClient(credentials)));

    [When("they sign in while the client authenticates both with Basic and in the form body")]
    public Task SignInAuthenticatingTwice() => Ask(caller.SignIn().AuthenticatedBy(ClientAuthentication.BasicAndFormBody));

    [When("they sign in asking for a scope that does not exist")]
    public Task SignInWithMadeUpScope() => Ask(caller.SignIn().WithScope($"made_up_{data.Word()}"));

    [When("they sign in naming the other brand")]
    [When("it asks for a token with its client credentials naming the other brand")]
    public Task SignInForTheOtherBrand() => Ask(caller.SignInFor(cast.OtherBrand));

    [When("^they sign in naming their brand as \"(brand_key|brandKey)\" in the (query string|form body)$")]
    public Task SignInNamingBrandAs(string name, string place) =>
        Ask(caller.SignIn().WithBrand(BrandPresentation.As(caller.RequireBrand(), name,
            place == "query string" ? ParameterPlace.Query : ParameterPlace.Form)));

    [When("they sign in naming their brand in the query string and the other brand in the form body")]
    public Task SignInWithConflictingBrands() =>
        Ask(caller.SignIn().WithBrand(BrandPresentation.Conflicting(caller.RequireBrand(), cast.OtherBrand)));

    [When("they sign in naming the brand parameter twice with different brands")]
    public Task SignInWithDuplicatedBrand() =>
        Ask(caller.SignIn().WithBrand(BrandPresentation.Duplicated(caller.RequireBrand(), cast.OtherBrand)));

    [When("they ask for a token without naming a brand")]
    public Task AskWithoutBrand() => Ask(caller.Ask(wallet).WithBrand(BrandPresentation.Missing));

    [When("they ask for a token naming an empty brand")]
    public Task AskWithEmptyBrand() => Ask(caller.Ask(wallet).WithBrand(BrandPresentation.Empty));

    [When("they ask for a token naming {StrangeBrandKey}")]
    public Task AskWithStrangeBrand(StrangeBrandKey brand) =>
        Ask(caller.Ask(wallet).WithBrand(BrandPresentation.Configured(mistakes.StrangeBrand(brand))));

    [When("they make a token request with the grant type {string}")]
    public Task AskWithGrantType(string grantType) => Ask(caller.SignIn().WithGrantType(grantType));

    [When("they make a token request with {Mistake}")]
    public Task AskWithMistake(Mistake mistake) => Ask(mistakes.Make(mistake));

    // The phrases of the feature files, each bound to what it means: a misspelt one matches no step, and the listing says so.
    [StepArgumentTransformation("(a wrong password|an unknown grant type|only an unknown grant type|no grant type|no password|a wrong client secret|an unknown refresh token|no brand|a username of 10000 characters|a username in another alphabet|a control character in the password|a body of 200 kilobytes|a JSON body instead of a form|an XML content type|a broken percent-encoding)")]
    public static Mistake MistakeNamed(string phrase) => phrase switch
    {
        "a wrong password" => Mistake.WrongPassword,
        "an unknown grant type" => Mistake.UnknownGrantType,
        "only an unknown grant type" => Mistake.OnlyAnUnknownGrantType,
        "no grant type" => Mistake.NoGrantType,
        "no password" => Mistake.NoPassword,
        "a wrong client secret" => Mistake.WrongClientSecret,
        "an unknown refresh token" => Mistake.UnknownRefreshToken,
        "no brand" => Mistake.NoBrand,
        "a username of 10000 characters" => Mistake.UsernameOf10000Characters,
        "a username in another alphabet" => Mistake.UsernameInAnotherAlphabet,
        "a control character in the password" => Mistake.ControlCharacterInThePassword,
        "a body of 200 kilobytes" => Mistake.BodyOf200Kilobytes,
        "a JSON body instead of a form" => Mistake.JsonBodyInsteadOfAForm,
        "an XML content type" => Mistake.XmlContentType,
        _ => Mistake.BrokenPercentEncoding,
    };

    [StepArgumentTransformation("(a wrong secret|an empty secret|the identity of an unknown client)")]
    public static BadClientCredentials CredentialsNamed(string phrase) => phrase switch
    {
        "a wrong secret" => BadClientCredentials.WrongSecret,
        "an empty secret" => BadClientCredentials.EmptySecret,
        _ => BadClientCredentials.UnknownClient,
    };

    [StepArgumentTransformation("(a brand that does not exist|a brand key of 300 characters|a brand key with markup in it|a brand key with SQL in it|a brand key in another alphabet)")]
    public static StrangeBrandKey BrandKeyNamed(string phrase) => phrase switch
    {
        "a brand that does not exist" => StrangeBrandKey.Unknown,
        "a brand key of 300 characters" => StrangeBrandKey.ThreeHundredCharacters,
        "a brand key with markup in it" => StrangeBrandKey.Markup,
        "a brand key with SQL in it" => StrangeBrandKey.Sql,
        _ => StrangeBrandKey.AnotherAlphabet,
    };

    private Task Ask(TokenRequest request) => deployment.AskForTokenAsync(request);
}
