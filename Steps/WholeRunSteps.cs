using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Assertions;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Rules that hold for every answer of a kind, judged on all the answers the run's other scenarios recorded.</summary>
[Binding]
public sealed class WholeRunSteps(WholeRun run)
{
    [Given("the answers the deployment gave in every other scenario of this run")]
    public Task GatherAnswers() => run.GatherAsync(NUnit.Framework.TestContext.CurrentContext.Test.Name);

    [Then("every answer of the token endpoint that holds a token forbids caching")]
    public void AnswersHoldingATokenNotCached() =>
        run.Keep(NeverCached.AnswersHoldingATokenOf(run.Answers, run.TokenEndpoint)).Check(NeverCached.Expectation);

    [Then("every refusal of a client that tried Basic is a 401 with a Basic challenge")]
    public void BasicAttemptsChallengedWithBasic() => run.Keep(BasicChallenge.Of(run.Answers, run.TokenEndpoint)).Check(BasicChallenge.Expectation);

    [Then("every refusal of the token endpoint forbids caching")]
    public void RefusalsNotCached() => run.Keep(NeverCached.RefusalsOf(run.Answers, run.TokenEndpoint)).Check(NeverCached.Expectation);

    [Then("every refusal of the token endpoint is a JSON object naming a registered error code")]
    public void RefusalsNameRegisteredCodes() =>
        run.Keep(RegisteredErrorCodes.Of(run.Answers, run.TokenEndpoint)).Check(RegisteredErrorCodes.Expectation);

    [Then("every error code and description of this run uses only the characters RFC 6749 allows")]
    public void ErrorsUseAllowedCharacters() => run.Keep(ErrorCharacters.Of(run.Answers, run.TokenEndpoint)).Check(ErrorCharacters.Expectation);

    [Then("no answer of this run is a server error or shows the deployment's internals")]
    public void NoServerErrorAnywhere() => run.Keep(NoServerErrors.Of(run.Answers)).Check(NoServerErrors.Expectation);
}
