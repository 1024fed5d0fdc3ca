using FluentAssertions;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Probes;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Security hardening beyond the protocol: echoes, undocumented endpoints, TLS.</summary>
[Binding]
public sealed class HardeningSteps(Wallet wallet, Answers answers, UndocumentedEndpoints endpoints, EnvironmentProfile profile, IReqnrollOutputHelper output)
{
    private TlsProbe.Findings? _tls;

    [Then("the refusal does not repeat the token")]
    public void TokenNotEchoed()
    {
        var token = answers.PresentedForgery ?? throw new InvalidOperationException("No made-up token was presented in this scenario.");
        var answer = answers.Last;
        answer.Should().BeClientError();
        var echoedIn = new List<string>();
        if (answer.Body.Contains(token, StringComparison.Ordinal))
            echoedIn.Add("the body");
        echoedIn.AddRange(answer.Headers.All.Where(h => h.Value.Contains(token, StringComparison.Ordinal)).Select(h => $"the {h.Key} header"));
        echoedIn.Should().BeEmpty("a rejected token must not be echoed back (RFC 6749 §10.3, RFC 6819 §4.6.7)");
    }

    [When("the undocumented endpoint {string} is called")]
    public async Task CallUndocumented(string endpoint) =>
        answers.RecordResourceAnswer(await endpoints.RequestAsync(endpoint, wallet.Current));

    [Then("it answers with a client error and reveals nothing")]
    public void ClosedAndSilent()
    {
        var answer = answers.Last;
        answer.Should().BeClientError("an endpoint Rator does not document must be closed, neither served nor redirected (ASVS V10.4.4)");
        foreach (var member in new[] { "active", "exp", "user_name", "client_id", "authorities", "value", "alg" })
            answer.HasJsonProperty(member).Should().BeFalse("a closed endpoint reveals no token or key information, but the body has \"{0}\"", member);
        answer.Body.Should().NotContain(wallet.Current.AccessToken, "the live token must not come back");
    }

    [When("its TLS connection is examined")]
    public async Task ExamineTls()
    {
        _tls = await TlsProbe.ExamineAsync(profile.RequireBaseUrl(), profile.RequestTimeout);
        output.WriteLine($"TLS of {profile.RequireBaseUrl().Authority}: {_tls}");
    }

    [Then("it uses TLS 1.2 or newer with a certificate the machine trusts")]
    public void ModernTrustedTls()
    {
        _tls!.ProtocolIsModern.Should().BeTrue("TLS 1.2 or newer is required (RFC 9325 §3.1.1); negotiated {0}", _tls);
        _tls.CertificateErrors.Should().Be(System.Net.Security.SslPolicyErrors.None, "the certificate must be valid and trusted ({0})", _tls);
        _tls.NotAfter.Should().BeAfter(DateTime.UtcNow, "the certificate must not have expired");
    }
}
