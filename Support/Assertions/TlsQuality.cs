using System.Net.Security;
using System.Security.Authentication;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Probes;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// SH-05, clause by clause, over one <see cref="TlsExamination"/>: the certificate chains to an issuer the run trusts,
/// is within its validity period and names the deployment's host (RFC 6749 §10.9 with RFC 5280 §6 and RFC 9525 §6),
/// TLS 1.2 or newer is negotiated and TLS 1.0/1.1 are refused (RFC 9325 §3.1.1, RFC 8996), the cipher suite is one
/// RFC 9325 recommends (§4.2; for TLS 1.3 its §4.3 defers to RFC 8446 §9.1), and the certificate does not end within
/// the warning period. Each failure says what was seen, in plain words, and what to do about it.
/// </summary>
public static class TlsQuality
{
    /// <summary>RFC 9325 §4.2: the cipher suites RECOMMENDED for TLS 1.2.</summary>
    public static readonly IReadOnlySet<TlsCipherSuite> RecommendedForTls12 = new HashSet<TlsCipherSuite>
    {
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    };

    /// <summary>RFC 8446 §9.1, which RFC 9325 §4.3 refers to for TLS 1.3: the suites a TLS 1.3 implementation MUST or SHOULD have.</summary>
    public static readonly IReadOnlySet<TlsCipherSuite> RecommendedForTls13 = new HashSet<TlsCipherSuite>
    {
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
    };

    /// <summary>The environment key that makes the run trust a company CA; discovery names its own variable instead.</summary>
    public const string CaFileKey = "tls.caFile";

    public static void CheckIssuerTrusted(TlsExamination tls, string caFileKey = CaFileKey)
    {
        var trust = RequireCertificate(tls).Trust!;
        if (IssuerFinding(tls, caFileKey) is { } finding)
            Fail(finding);
        if (trust.OtherProblems != System.Security.Cryptography.X509Certificates.X509ChainStatusFlags.NoError)
            Fail($"Expected a valid certificate chain (RFC 6749 §10.9, RFC 5280 §6), but {tls.Target.Authority}'s chain has {trust.OtherProblems}.");
    }

    public static void CheckWithinValidity(TlsExamination tls, DateTimeOffset now)
    {
        RequireCertificate(tls);
        if (ValidityFinding(tls, now) is { } finding)
            Fail(finding);
    }

    public static void CheckHostName(TlsExamination tls)
    {
        RequireCertificate(tls);
        if (NameFinding(tls) is { } finding)
            Fail(finding);
    }

    public static void CheckCurrentProtocol(TlsExamination tls)
    {
        RequireConnection(tls);
        if (ProtocolFinding(tls) is { } finding)
            Fail(finding);
    }

    public static void CheckLegacyProtocolsRefused(TlsExamination tls)
    {
        RequireConnection(tls);
        if (tls.LegacyOffer is not { } answer)
            throw new ScenarioNotApplicableException($"whether TLS 1.0 and 1.1 are refused could not be told: the hello offering them could not be sent ({tls.LegacyOfferFailure})");
        if (answer.Kind is TlsHello.Reply.NotTls or TlsHello.Reply.NoAnswer)
            throw new ScenarioNotApplicableException($"whether TLS 1.0 and 1.1 are refused could not be told: a hello offering only them got {answer}");
        if (LegacyFinding(tls) is { } finding)
            Fail(finding);
    }

    public static void CheckRecommendedCipherSuite(TlsExamination tls)
    {
        RequireConnection(tls);
        if (tls.HandshakeFailure is not null || tls.CipherSuite is not { } suite)
            throw new ScenarioSkippedException($"no cipher suite was negotiated: the handshake failed ({tls.HandshakeFailure}); the protocol's scenario judges that");
        var (recommended, clause) = tls.Protocol == SslProtocols.Tls13
            ? (RecommendedForTls13, "RFC 9325 §4.3 with RFC 8446 §9.1")
            : (RecommendedForTls12, "RFC 9325 §4.2");
        if (!recommended.Contains(suite))
            Fail($"Expected a cipher suite {clause} recommends for {TlsExamination.ProtocolName(tls.Protocol)} ({string.Join(", ", recommended)}), "
                 + $"but {tls.Target.Authority} negotiated {suite}. The deployment's TLS configuration should prefer the recommended AEAD suites.");
    }

    public static void CheckNotExpiringSoon(TlsExamination tls, int warningDays, DateTimeOffset now)
    {
        var certificate = RequireCertificate(tls).Certificate!;
        if (warningDays <= 0 || certificate.NotAfter <= now.UtcDateTime)
            return; // no warning period, or already expired: the validity scenario fails for that
        var left = certificate.NotAfter - now.UtcDateTime;
        if (left < TimeSpan.FromDays(warningDays))
            Fail($"Expected the certificate to stay valid for at least {warningDays} days (tls.expiryWarningDays), but {tls.Target.Authority}'s certificate "
                 + $"{certificate.Subject} expires on {TlsExamination.Day(certificate.NotAfter)}, in {Days(left)}. Renew it before then.");
    }

    /// <summary>
    /// Every gating finding of the examination in one paragraph, with the remedy: what the run reports when the
    /// certificate or the handshake kept it from its first token. Null when the examination shows nothing wrong.
    /// </summary>
    public static string? GatingFindings(TlsExamination tls, DateTimeOffset now, string caFileKey = CaFileKey)
    {
        if (tls.ConnectionFailure is not null)
            return null;
        var findings = new[] { IssuerFinding(tls, caFileKey), ValidityFinding(tls, now), NameFinding(tls), ProtocolFinding(tls), LegacyFinding(tls) }
            .OfType<string>().ToList();
        return findings.Count == 0 ? null : string.Join(" ", findings);
    }

    private static string? IssuerFinding(TlsExamination tls, string caFileKey) =>
        tls.Trust is { IssuerNotTrusted: { } issuer } trust
            ? $"The certificate of {tls.Target.Authority} ({tls.Certificate!.Subject}) is issued by {issuer}, which neither this machine's trusted roots "
              + $"nor {caFileKey} trust (chain: {trust.ProblemsText}; RFC 6749 §10.9, RFC 5280 §6). If {issuer} is your company's CA, set {caFileKey} "
              + "to its PEM certificate; otherwise the deployment must present a certificate from a CA its clients trust."
            : null;

    private static string? ValidityFinding(TlsExamination tls, DateTimeOffset now)
    {
        if (tls.Certificate is not { } certificate)
            return null;
        if (certificate.NotAfter <= now.UtcDateTime)
            return $"The certificate of {tls.Target.Authority} ({certificate.Subject}) expired on {TlsExamination.Day(certificate.NotAfter)}, "
                   + $"{Days(now.UtcDateTime - certificate.NotAfter)} ago (RFC 5280 §4.1.2.5, §6): the deployment must renew it.";
        if (certificate.NotBefore > now.UtcDateTime)
            return $"The certificate of {tls.Target.Authority} ({certificate.Subject}) is valid only from {TlsExamination.Day(certificate.NotBefore)} "
                   + "(RFC 5280 §4.1.2.5): check the deployment's certificate, and this machine's clock.";
        return null;
    }

    private static string? NameFinding(TlsExamination tls) =>
        tls.Trust is { NameMatches: false } && tls.Certificate is { } certificate
            ? $"The certificate of {tls.Target.Authority} is issued for {string.Join(", ", certificate.Names)}, not for {tls.Host} (RFC 9525 §6, RFC 6749 §10.9): "
              + "the deployment must present a certificate for the name its clients use, or target.baseUrl names the host wrongly."
            : null;

    private static string? ProtocolFinding(TlsExamination tls)
    {
        if (tls.HandshakeFailure is not null)
        {
            var legacyOnly = tls.LegacyOffer is { Kind: TlsHello.Reply.ServerHello, Version: <= 0x0302 } legacy
                ? $" The server does accept a hello offering only TLS 1.0 and 1.1: it answered {legacy}, so it speaks only protocols RFC 8996 retired."
                : "";
            return tls.Certificate is null || legacyOnly.Length > 0
                ? $"Expected a TLS 1.2 or 1.3 handshake with {tls.Target.Authority} (RFC 9325 §3.1.1), but it failed: {tls.HandshakeFailure}.{legacyOnly}"
                : null;
        }

        return tls.Protocol is SslProtocols.Tls12 or SslProtocols.Tls13
            ? null
            : $"Expected TLS 1.2 or 1.3 to be negotiated (RFC 9325 §3.1.1, RFC 8996), but {tls.Target.Authority} negotiated {TlsExamination.ProtocolName(tls.Protocol)}.";
    }

    private static string? LegacyFinding(TlsExamination tls) =>
        tls.LegacyOffer is { Kind: TlsHello.Reply.ServerHello, Version: <= 0x0302 } answer
            ? $"Expected a hello offering only TLS 1.0 and 1.1 to be refused (RFC 8996 §2, §3; RFC 9325 §3.1.1: MUST NOT negotiate them), "
              + $"but {tls.Target.Authority} answered {answer}. The deployment's TLS configuration must allow TLS 1.2 and 1.3 only."
            : null;

    private static TlsExamination RequireConnection(TlsExamination tls) =>
        tls.ConnectionFailure is null
            ? tls
            : throw new InvalidOperationException($"The TLS of {tls.Target.Authority} could not be examined ({tls.Route}): {tls.ConnectionFailure}.");

    private static TlsExamination RequireCertificate(TlsExamination tls)
    {
        RequireConnection(tls);
        return tls.Certificate is not null && tls.Trust is not null
            ? tls
            : throw new ScenarioSkippedException($"{tls.Target.Authority} presented no certificate: the handshake failed first ({tls.HandshakeFailure}); the protocol's scenario judges that");
    }

    private static string Days(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{Math.Floor(span.TotalDays):0} day{(span.TotalDays >= 2 ? "s" : "")}" : $"{Math.Max(1, Math.Floor(span.TotalHours)):0} hours";

    private static void Fail(string message) => throw new AssertionException(message);
}
