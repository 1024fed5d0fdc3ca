using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Whether a server certificate is trusted, the one rule for the HTTP client and the TLS probe alike: the machine's
/// validation first; where it fails only because no trusted root was found, the chain is built again over the CA
/// certificates of <c>tls.caFile</c> (X509ChainTrustMode.CustomRootTrust). Nothing else is ever relaxed: a name that
/// does not match, a certificate out of its validity period or for another purpose stays refused.
/// </summary>
public sealed class ServerCertificateTrust(TlsSettings tls)
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>The chain statuses that only say "no trusted root": the ones tls.caFile may answer.</summary>
    private const X509ChainStatusFlags TrustOnly = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain;

    /// <param name="Trusted">The whole verdict: a trusted, valid chain for the name asked for (what a client accepts).</param>
    /// <param name="TrustedBy">What anchors the chain: <see cref="MachineRoots"/> or tls.caFile; null when nothing does.</param>
    /// <param name="IssuerNotTrusted">The issuer at the top of the chain when no trusted root was found for it.</param>
    public sealed record Verdict(bool Trusted, string? TrustedBy, bool NameMatches, X509ChainStatusFlags Problems, string? IssuerNotTrusted)
    {
        /// <summary>The chain's problems in words, "" when there are none.</summary>
        public string ProblemsText => Problems == X509ChainStatusFlags.NoError ? "" : Problems.ToString();

        /// <summary>What is wrong with the chain besides trust and time (a bad signature, a wrong purpose...).</summary>
        public X509ChainStatusFlags OtherProblems => Problems & ~(TrustOnly | X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested);
    }

    public const string MachineRoots = "the machine's trusted roots";

    public Verdict Judge(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var nameMatches = !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return new Verdict(false, null, nameMatches, X509ChainStatusFlags.NoError, null);
        if (!errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
            return new Verdict(nameMatches, MachineRoots, nameMatches, X509ChainStatusFlags.NoError, null);

        var machine = Flags(chain);
        var topIssuer = chain is { ChainElements.Count: > 0 } built ? built.ChainElements[^1].Certificate.Issuer : certificate.Issuer;
        if ((machine & TrustOnly) == 0)
            return new Verdict(false, MachineRoots, nameMatches, machine, null); // anchored, but expired or otherwise broken
        if (tls.TrustedAuthorities.Count == 0)
            return new Verdict(false, null, nameMatches, machine, topIssuer);

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(tls.TrustedAuthorities.ToArray());
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (chain is not null)
            foreach (var element in chain.ChainElements.Skip(1))
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        var valid = custom.Build(certificate);
        var problems = valid ? X509ChainStatusFlags.NoError : Flags(custom);
        var anchored = (problems & TrustOnly) == 0;
        var issuer = custom.ChainElements.Count > 0 ? custom.ChainElements[^1].Certificate.Issuer : topIssuer;
        return new Verdict(valid && nameMatches, anchored ? $"tls.caFile ({tls.CaFile})" : null, nameMatches, problems, anchored ? null : issuer);
    }

    /// <summary>What an HttpClient's validation callback answers.</summary>
    public bool Accepts(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || (certificate is not null && Judge(certificate, chain, errors).Trusted);

    private static X509ChainStatusFlags Flags(X509Chain? chain) =>
        chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.NoError;
}
