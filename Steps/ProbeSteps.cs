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
public sealed class ProbeSteps(Caller caller, Wallet wallet, Cast cast, Deployment deployment, Answers answers, TestData data, Mistakes mistakes)
{
    [When("an unknown user, a known user with a wrong password and a locked user each try to sign in once")]
    public Task CompareRefusals() =>
        // One ordinary mistake per account: the second customer and the locked one are left as the run found them.
        deployment.CompareAsync(rounds: 1,
            mistakes.UnknownUserInsteadOf(cast.Person(PrincipalRole.OtherCustomer, cast.HomeBrand)),
            mistakes.WrongPasswordOf(cast.Person(PrincipalRole.OtherCustomer, cast.HomeBrand)),
            Cast.SignInOf(cast.Person(PrincipalRole.LockedCustomer, cast.HomeBrand)));

    [Then("all three refusals look the same")]
    public void RefusalsAlike() => Enumeration.CheckIndistinguishable(answers.Batch, kinds: 3);

    [When("their password is tried wrongly {int} times, in turn with an unknown user")]
    public async Task TimeRefusals(int rounds)
    {
        var person = caller.RequirePerson();
        await deployment.CompareAsync(rounds, mistakes.UnknownUserInsteadOf(person), mistakes.WrongPasswordOf(person));
        // The right password last: deployments that count failures until a success start the next run from zero.
        await deployment.SendAsync(caller.SignIn());
    }

    [Then("the existing account's refusals take no noticeably longer or shorter than the unknown user's")]
    public void RefusalsEquallyFast() => Enumeration.CheckTiming(answers.Batch, "an unknown user", "a wrong password for an existing account");

    [When("their password is guessed wrongly {int} times within a minute")]
    public async Task GuessPasswords(int attempts)
    {
        await deployment.BurstAsync(attempts, _ => mistakes.Make(Mistake.WrongPassword));
        await deployment.AskForTokenAsync(caller.SignIn());
    }

    [When("its secret is guessed wrongly {int} times within a minute")]
    public async Task GuessSecrets(int attempts)
    {
        // An ordinary customer: a wrong client secret is refused before any password is checked, and the
        // brute-force customer may be locked by the password probe running alongside.
        var client = caller.Client ?? cast.Client(ClientRole.BruteForce);
        var person = cast.Customer(cast.HomeBrand);
        await deployment.BurstAsync(attempts, _ => mistakes.WrongSecretOf(client, person));
        await deployment.AskForTokenAsync(Cast.SignInOf(person).WithClient(client));
    }

    [Then("the deployment shows throttling or a lockout")]
    public void ThrottledOrLocked() => BruteForceProtection.Check(answers.Batch, answers.Last);

    [When("they sign in {int} times")]
    public Task SignInRepeatedly(int times) => deployment.BurstAsync(times, _ => caller.SignIn());

    [Then("every token carries at least {int} bits of randomness")]
    public void EveryTokenRandomEnough(int bits) => TokenRandomness.CheckEnoughBits(answers, bits);

    [Then("no two tokens are alike")]
    public void TokensDistinct() => TokenRandomness.CheckAllDistinct(answers);

    [When("they sign in {int} times at once and renew their token {int} times at once")]
    public Task ConcurrentSignInsAndRenewals(int signIns, int renewals)
    {
        var renewal = wallet.RenewalRequest();
        var signIn = caller.SignIn();
        return deployment.ParallelBurstAsync(signIns + renewals, i => i < signIns ? signIn : renewal);
    }

    [Then("no request caused a server error")]
    public void NoServerError() => ConcurrentRequests.CheckNoServerError(answers);

    [Then("the last token issued reads the customer's billing group balance")]
    public async Task FreshTokenStillWorks()
    {
        // After a race of renewals a deployment may revoke the whole family (reuse detection): judge its health
        // with a fresh sign-in, not with one of the racing tokens.
        var token = await deployment.ObtainTokenAsync(caller.SignIn());
        var owner = cast.Customer(token.Brand ?? cast.HomeBrand);
        var answer = await deployment.ReadAsync(cast.BalanceOf(owner, token.AccessToken));
        answer.Should().HaveStatus(200);
    }

    [When("{int} made-up tokens are tried against their billing group balance")]
    public Task GuessTokens(int count)
    {
        var owner = caller.RequirePerson();
        return deployment.ReadBurstAsync(count, _ => cast.BalanceOf(owner, data.ForgedToken()));
    }

    [Then("every attempt is refused as unauthenticated")]
    public void EveryGuessRefused() => TokenGuessing.CheckEveryGuessRefused(answers);
}
