using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Probes;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// Certificate trouble is a finding, not an outage: when the TLS handshake kept the preflight from its first token,
/// the deployment's TLS is examined (the probe sends no credentials) and, where it shows what SH-05 forbids (an
/// untrusted issuer, an expired certificate, another host's name, an old protocol), the run goes on with the SH-05
/// scenarios only: they fail with the finding, the others are not run with it as their reason, and the exit code is 1.
/// Where the examination shows nothing wrong, the handshake failure stays an outage (exit 3), with what was seen.
/// </summary>
public sealed record TlsFinding(string Message, TlsExamination Examination)
{
    /// <summary>The tag of the scenarios that send no credentials and so run with a finding (SH-05's).</summary>
    public const string Tag = "tls";

    public static bool Runs(IEnumerable<string> tags) => tags.Any(t => t.TrimStart('@').Equals(Tag, StringComparison.OrdinalIgnoreCase));

    /// <summary>The finding when the examination shows one; else null, and <paramref name="outage"/> says what was seen instead.</summary>
    /// <param name="handshakeFailed">the first token's request failed in the handshake (not after it, with a closed connection).</param>
    public static async Task<(TlsFinding? Finding, string Outage)> ExamineAsync(EnvironmentProfile profile, TimeSpan timeout, bool handshakeFailed)
    {
        var target = profile.RequireBaseUrl();
        var examination = await new TlsProbe(HttpTransport.For(profile)).ExamineAsync(target, timeout, watchAfterHandshake: TimeSpan.FromSeconds(2));
        if (TlsQuality.GatingFindings(examination, DateTimeOffset.UtcNow) is { } findings)
            return (new TlsFinding(
                $"{findings} (The run reached {target.Authority} {examination.Route} and examined its TLS without sending credentials; "
                + "over a connection it cannot trust it gets no first token, so SH-05's scenarios report this and the others were not run.)", examination), "");

        var seen = examination.ConnectionFailure is { } failure
            ? $"The TLS probe could not connect either ({examination.Route}): {failure}."
            : $"The TLS probe ({examination.Route}) found the certificate ({examination.Certificate?.Subject ?? "none"}) and the protocol "
              + $"({TlsExamination.ProtocolName(examination.Protocol)}) in order"
              + (examination.ClosedAfterHandshake ? ", but the deployment closed the connection right after the handshake, before any request." : ".");
        var remedy = profile.Tls.ClientCertificate is { } declared
            ? $" If the deployment demands a client certificate, it refused the one in tls.clientCertificate ({declared.Certificate.Subject}): check it is the one it expects."
            : " If the deployment demands a client certificate (mutual TLS), set tls.clientCertificate (environments/README.md).";
        var certificateRefused = examination.ConnectionFailure is null && (handshakeFailed || examination.ClosedAfterHandshake);
        return (null, $"{seen}{(certificateRefused ? remedy : "")}");
    }
}
