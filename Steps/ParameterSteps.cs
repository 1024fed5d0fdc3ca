using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Data;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>
/// A grant's own request with one thing changed in its parameters or its address, for whatever grant the caller is
/// ready to use: the protocol rules that hold for every grant read as tables over the grants.
/// </summary>
[Binding]
public sealed class ParameterSteps(Caller caller, Wallet wallet, Deployment deployment, Answers answers, Mistakes mistakes, TestData data)
{
    [When("they ask for a token naming the {TokenParameter} twice, the first time wrongly")]
    public Task AskNamingTwiceWrongFirst(TokenParameter parameter) => Ask(mistakes.NamedTwiceWrongFirst(Own, parameter));

    [When("they ask for a token naming the {TokenParameter} twice")]
    public Task AskNamingTwice(TokenParameter parameter) => Ask(Own.WithRepeated(parameter));

    [When("they ask for a token with the {TokenParameter} empty")]
    public Task AskWithEmpty(TokenParameter parameter) => Ask(Own.WithEmpty(parameter));

    [When("they ask for a token with the {TokenParameter} empty, and again without it")]
    public async Task AskWithEmptyThenWithout(TokenParameter parameter)
    {
        var own = Own;
        await Ask(own.WithEmpty(parameter));
        await Ask(own.Without(parameter));
    }

    [When("they ask for a token without the {TokenParameter}")]
    public Task AskWithout(TokenParameter parameter) => Ask(Own.Without(parameter));

    [When("they ask for a token adding a parameter the deployment does not know")]
    public Task AskWithUnknownParameter() => Ask(Own.WithExtraParameter($"x_{data.Word()}", data.Word()));

    [When("they ask for a token with an empty scope")]
    public Task AskWithEmptyScope() => Ask(Own.WithScope(""));

    [When("they ask for a token naming an unknown grant type instead")]
    public Task AskWithUnknownGrantType() => Ask(Own.WithGrantType($"x_{data.Word()}"));

    [When("they ask for a token with a GET request")]
    public Task AskWithGet() => Ask(Own.UsingGet());

    [When("they ask for a token with {AddressOddity} in the address")]
    public Task AskWithOddAddress(AddressOddity oddity) => Ask(Own.WithRawQuerySuffix(oddity.QuerySuffix()));

    [Then("the request is refused as {string}, or answered as if the grant type were named once")]
    public void RefusedOrServedOnce(string refusal) => RepeatedParameters.CheckRefusedOrServedOnce(answers.Last, refusal);

    [Then("both answers are the same refusal")]
    public void AnsweredAsOmitted() => EmptyParameters.CheckAnsweredAsOmitted(answers.All[^2], answers.Last);

    [StepArgumentTransformation("(grant type|username|password|operator|refresh token)")]
    public static TokenParameter Parameter(string name) => name switch
    {
        "grant type" => TokenParameter.GrantType,
        "username" => TokenParameter.Username,
        "password" => TokenParameter.Password,
        "operator" => TokenParameter.Operator,
        _ => TokenParameter.RefreshToken,
    };

    [StepArgumentTransformation("(a truncated character|bytes that are no text|a parameter without a name)")]
    public static AddressOddity Oddity(string name) => name switch
    {
        "a truncated character" => AddressOddity.TruncatedCharacter,
        "bytes that are no text" => AddressOddity.InvalidBytes,
        _ => AddressOddity.NamelessParameter,
    };

    /// <summary>The caller's own request for the grant they are ready to use (a renewal for the refresh grant).</summary>
    private TokenRequest Own => caller.Ask(wallet);

    private Task Ask(TokenRequest request) => deployment.AskForTokenAsync(request);
}
