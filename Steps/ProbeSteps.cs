using FluentAssertions;
using FluentAssertions.Execution;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;
using Rator.Contract.Tests.Support.Probes;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Probes that need more than one request: guessing bursts, parallel requests, comparisons of refusals.</summary>
[Binding]
public sealed class ProbeSteps(Caller caller, Wallet wallet, Cast cast, Deployment deployment, Answers answers, RatorApi api, TestData data, Mistakes mistakes)
{
    [When("an unknown user, a known user with a wrong password and a locked user each try to sign in once")]
    public async Task CompareRefusals() =>
        // One ordinary mistake per account: the second customer and the locked one are left as the run found them.
        answers.RecordBatch(await Enumeration.AttemptAsync(api.Tokens, rounds: 1,
            TokenRequest.Password(cast.Person(PrincipalRole.OtherCustomer, cast.HomeBrand) with { Username = data.UnknownUsername(), Password = data.WrongPassword() }),
            TokenRequest.Password(cast.Person(PrincipalRole.OtherCustomer, cast.HomeBrand) with { Password = data.WrongPassword() }),
            TokenRequest.Password(cast.Person(PrincipalRole.LockedCustomer, cast.HomeBrand))));

    [Then("all three refusals look the same")]
    public void RefusalsAlike() => Enumeration.CheckIndistinguishable(answers.Batch, kinds: 3);

    [When("their password is tried wrongly {int} times, in turn with an unknown user")]
    public async Task TimeRefusals(int rounds)
    {
        var person = caller.RequirePerson();
        answers.RecordBatch(await Enumeration.AttemptAsync(api.Tokens, rounds,
            TokenRequest.Password(person with { Username = data.UnknownUsername(), Password = data.WrongPassword() }),
            TokenRequest.Password(person with { Password = data.WrongPassword() })));
        // The right password last: deployments that count failures until a success start the next run from zero.
        await api.Tokens.RequestAsync(caller.SignIn());
    }

    [Then("the existing account's refusals take no noticeably longer or shorter than the unknown user's")]
    public void RefusalsEquallyFast() => Enumeration.CheckTiming(answers.Batch, "an unknown user", "a wrong password for an existing account");

    [When("their password is guessed wrongly {int} times within a minute")]
    public async Task GuessPasswords(int attempts)
    {
        answers.RecordBatch(await Bursts.SequentialAsync(attempts, _ => api.Tokens.RequestAsync(mistakes.Make(Mistake.WrongPassword))));
        await deployment.AskForTokenAsync(caller.SignIn());
    }

    [When("its secret is guessed wrongly {int} times within a minute")]
    public async Task GuessSecrets(int attempts)
    {
        // An ordinary customer: a wrong client secret is refused before any password is checked, and the
        // brute-force customer may be locked by the password probe running alongside.
        var client = caller.Client ?? cast.Client(ClientRole.BruteForce);
        var person = cast.Customer(cast.HomeBrand);
        answers.RecordBatch(await Bursts.SequentialAsync(attempts,
            _ => api.Tokens.RequestAsync(TokenRequest.Password(person).WithClient(client with { Secret = data.WrongPassword() }))));
        await deployment.AskForTokenAsync(TokenRequest.Password(person).WithClient(client));
    }

    [Then("the deployment shows throttling or a lockout")]
    public void ThrottledOrLocked() => BruteForceProtection.Check(answers.Batch, answers.Last);

    [When("they sign in {int} times")]
    public async Task SignInRepeatedly(int times) =>
        answers.RecordBatch(await Bursts.SequentialAsync(times, _ => api.Tokens.RequestAsync(caller.SignIn())));

    [Then("every token carries at least {int} bits of randomness")]
    public void EveryTokenRandomEnough(int bits)
    {
        answers.Batch.Should().OnlyContain(a => a.IssuedToken, "every sign-in of the probe succeeds");
        using var scope = new AssertionScope();
        foreach (var token in answers.Batch.SelectMany(a => new[] { a.Token!.AccessToken, a.Token.RefreshToken }).OfType<string>().Take(2))
        {
            var estimate = TokenEntropy.Of(token);
            if (!estimate.Structured)
                estimate.Bits.Should().BeGreaterThanOrEqualTo(bits,
                    "a token must hold at least {0} bits of randomness (RFC 6749 §10.10, RFC 6819 §5.1.4.2.2), but it is {1}", bits, estimate);
        }
    }

    [Then("no two tokens are alike")]
    public void TokensDistinct()
    {
        var tokens = answers.Batch.SelectMany(a => new[] { a.Token?.AccessToken, a.Token?.RefreshToken }).OfType<string>().ToList();
        tokens.Should().OnlyHaveUniqueItems("every token issued is new (RFC 6749 §10.10)");
    }

    [When("they sign in {int} times at once and renew their token {int} times at once")]
    public async Task ConcurrentSignInsAndRenewals(int signIns, int renewals)
    {
        var renewal = wallet.RenewalRequest();
        var signIn = caller.SignIn();
        var batch = await Bursts.ParallelAsync(signIns + renewals,
            i => api.Tokens.RequestAsync(i < signIns ? signIn : renewal));
        answers.RecordBatch(batch);
    }

    [Then("no request caused a server error")]
    public void NoServerError() =>
        answers.Batch.Where(a => !a.Answered || a.IsServerError).Select(a => a.Describe()).Should().BeEmpty(
            "concurrent requests are answered, each with a token or a clean refusal, never a server error");

    [Then("the last token issued reads the customer's billing group balance")]
    public async Task FreshTokenStillWorks()
    {
        // After a race of renewals a deployment may revoke the whole family (reuse detection): judge its health
        // with a fresh sign-in, not with one of the racing tokens.
        var token = await deployment.ObtainTokenAsync(caller.SignIn());
        var owner = cast.Customer(token.Brand ?? cast.HomeBrand);
        var answer = await deployment.ReadAsync(ResourceRequest.Balance(cast.BillingGroupOf(owner), token.AccessToken, owner.Brand));
        answer.Should().HaveStatus(200);
    }

    [When("{int} made-up tokens are tried against their billing group balance")]
    public async Task GuessTokens(int count)
    {
        var owner = caller.RequirePerson();
        answers.RecordBatch(await Bursts.SequentialAsync(count,
            _ => api.Resources.RequestAsync(ResourceRequest.Balance(cast.BillingGroupOf(owner), data.ForgedToken(), owner.Brand))));
    }

    [Then("every attempt is refused as unauthenticated")]
    public void EveryGuessRefused() =>
        answers.Batch.Where(a => a.StatusCode is not (401 or 429)).Select(a => a.Describe()).Should().BeEmpty(
            "a guessed token is refused with 401 (or throttled with 429), never served (RFC 6819 §4.6.3)");
}
