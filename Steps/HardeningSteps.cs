using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Security hardening beyond the protocol: echoes, undocumented endpoints, TLS.</summary>
[Binding]
public sealed class HardeningSteps(Wallet wallet, Answers answers, UndocumentedEndpoints endpoints, EnvironmentProfile profile, DeploymentTls tls)
{
    [Then("the refusal does not repeat the token")]
    public void TokenNotEchoed() =>
        TokenEcho.CheckNotRepeated(answers.PresentedForgery ?? throw new InvalidOperationException("No made-up token was presented in this scenario."), answers.Last);

    [When("the undocumented endpoint {string} is called")]
    public async Task CallUndocumented(string endpoint) =>
        answers.RecordResourceAnswer(await endpoints.RequestAsync(endpoint, wallet.Current));

    [Then("it answers with a client error and reveals nothing")]
    public void ClosedAndSilent() => ClosedEndpoints.CheckClosedAndSilent(answers.Last, wallet.Current.AccessToken);

    [When("its TLS connection is examined")]
    public Task ExamineTls() => tls.ExamineAsync();

    [Then("its certificate comes from an issuer the run trusts")]
    public void IssuerTrusted() => TlsQuality.CheckIssuerTrusted(tls.Examination);

    [Then("its certificate is within its validity period")]
    public void WithinValidity() => TlsQuality.CheckWithinValidity(tls.Examination, DateTimeOffset.UtcNow);

    [Then("its certificate is issued for the deployment's host name")]
    public void IssuedForHost() => TlsQuality.CheckHostName(tls.Examination);

    [Then("TLS 1.2 or newer is negotiated")]
    public void CurrentProtocol() => TlsQuality.CheckCurrentProtocol(tls.Examination);

    [Then("a connection offering only TLS 1.0 and 1.1 is refused")]
    public void LegacyRefused() => TlsQuality.CheckLegacyProtocolsRefused(tls.Examination);

    [Then("the negotiated cipher suite is one RFC 9325 recommends")]
    public void RecommendedCipherSuite() => TlsQuality.CheckRecommendedCipherSuite(tls.Examination);

    [Then("its certificate stays valid beyond the warning period")]
    public void NotExpiringSoon() => TlsQuality.CheckNotExpiringSoon(tls.Examination, profile.Tls.ExpiryWarningDays, DateTimeOffset.UtcNow);
}
