using System.Globalization;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Runner;
using Rator.Sandbox;
using Reqnroll;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// The run's first and last hooks: load and validate the environment, start the embedded sandbox when the
/// environment asks for it, run the preflight, and record how far the run got (run/status.json) so that
/// run-tests.ps1 can tell a configuration error or an unreachable target from contract failures.
/// </summary>
[Binding]
public sealed class RunHooks
{
    public const string DataSeedVariable = "RATOR_DATA_SEED";

    /// <summary>Requirement IDs (comma-separated, "*" for all) promoted to gating for this run, on top of the environment's policy.</summary>
    public const string GatingVariable = "RATOR_POLICY_GATING";

    [BeforeTestRun(Order = 0)]
    public static async Task StartRun()
    {
        var reportDirectory = ReportLocation.ReportDirectory ?? Path.Combine(AppContext.BaseDirectory, "reports");
        ResetRunFolder(reportDirectory);
        var startedAt = DateTimeOffset.UtcNow;
        var redactor = new SecretRedactor();
        var selection = Environment.GetEnvironmentVariable(EnvironmentLoader.SelectionVariable) ?? EnvironmentLoader.DefaultEnvironment;
        var environmentName = File.Exists(selection) ? EnvironmentName.Of(selection) : selection;

        EnvironmentProfile profile;
        try
        {
            profile = new EnvironmentLoader(redactor).Load();
        }
        catch (EnvironmentConfigurationException e)
        {
            WriteStatus(reportDirectory, RunOutcome.ConfigurationError, e.Message, environmentName, startedAt);
            Abort(e.Message);
            return;
        }

        var promoted = (Environment.GetEnvironmentVariable(GatingVariable) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A typo here would silently leave a release gate open.
        var unknown = promoted.Where(id => id != "*" && RequirementCatalogue.Default.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            var message = $"{GatingVariable} names requirements the catalogue does not have: {string.Join(", ", unknown)} (IDs look like PW-02; \"*\" promotes all).";
            WriteStatus(reportDirectory, RunOutcome.ConfigurationError, message, profile.Name, startedAt);
            Abort(message);
            return;
        }

        SandboxHost? sandbox = null;
        TlsFinding? tlsFinding = null;
        try
        {
            if (profile.IsEmbeddedSandbox)
            {
                sandbox = await SandboxHost.StartAsync(SandboxOptionsFor(profile, reportDirectory));
                profile = SandboxDeclarations.Follow(profile.WithBaseUrl(sandbox.BaseUrl), sandbox.Declaration);
            }
            try
            {
                await Preflight.CheckAsync(profile, redactor);
            }
            catch (PreflightException e) when (e.Failure == TransportFailure.TlsHandshake
                                               || (e.Failure == TransportFailure.ConnectionReset && profile.RequireBaseUrl().Scheme == Uri.UriSchemeHttps))
            {
                // A certificate problem is the deployment's finding (SH-05), not an outage: look before giving up. A TLS 1.3
                // server refuses a client certificate (or the lack of one) only after the handshake, so a connection
                // closed without an answer is looked at too.
                var (finding, seen) = await TlsFinding.ExamineAsync(profile, Preflight.MaxTimeout, e.Failure == TransportFailure.TlsHandshake);
                tlsFinding = finding is null ? throw new PreflightException($"{e.Message} {seen}") : finding with { Message = redactor.Redact(finding.Message) };
            }
        }
        catch (Exception e) when (e is PreflightException or SandboxConfigurationException)
        {
            if (sandbox is not null)
                await sandbox.DisposeAsync();
            var outcome = e is SandboxConfigurationException ? RunOutcome.ConfigurationError : RunOutcome.Unreachable;
            WriteStatus(reportDirectory, outcome, redactor.Redact(e.Message), profile.Name, startedAt, Facts(profile, null, promoted));
            Abort(redactor.Redact(e.Message));
            return;
        }

        var policy = new CompliancePolicy(RequirementCatalogue.Default, [.. profile.Policy.Gating, .. promoted], profile.Policy.KnownIssues);
        var run = new SuiteRun(profile, redactor, reportDirectory, policy, sandbox, RunSeed(), tlsFinding);
        SuiteRun.Current = run;
        ScenarioRunLog.ScenarioFinished += ScenarioResults.Publish;
        WriteStatus(reportDirectory, RunOutcome.Running, tlsFinding?.Message, profile.Name, startedAt, Facts(profile, sandbox, promoted));
        Started?.Invoke(profile);
    }

    /// <summary>Raised once the run's target answered the preflight: the in-process run command says what it will wait for.</summary>
    public static event Action<EnvironmentProfile>? Started;

    /// <summary>Why the run could not start, when it could not: one reason, reported once (PreflightVerdict), not per scenario.</summary>
    public static string? AbortReason { get; private set; }

    // Throwing here would fail every scenario with the same message (NUnit's OneTimeSetUp failure): CI would
    // show a failure per scenario. The scenarios are skipped instead, and PreflightVerdict carries the reason.
    private static void Abort(string reason) => AbortReason = reason;

    [AfterTestRun(Order = 1000)]
    public static async Task EndRun()
    {
        if (SuiteRun.Current is not { } run)
            return;
        ScenarioRunLog.ScenarioFinished -= ScenarioResults.Publish;
        File.WriteAllLines(Path.Combine(run.ReportDirectory, ReportFiles.TokenFingerprints), run.Redactor.TokenDigests());
        var status = ReportJson.Read<RunStatus>(RunStatus.PathIn(run.ReportDirectory));
        // A TLS finding that no selected scenario could show (SH-05 not selected) must not end as a pass: it is then
        // the reason the run could not start, as for any target that gives no first token.
        var unshown = run.TlsFinding is not null && !run.TlsScenarioRan;
        ReportJson.Write(RunStatus.PathIn(run.ReportDirectory), status! with
        {
            Outcome = unshown ? RunOutcome.Unreachable : RunOutcome.Completed,
            Message = unshown ? $"{status.Message} The selection holds none of SH-05's scenarios, so the run ends as one that got no first token (exit 3)." : status.Message,
            FinishedAt = DateTimeOffset.UtcNow,
            Outages = run.Availability.Outages,
        });
        SuiteRun.Current = null;
        await run.DisposeAsync();
    }

    private static SandboxOptions SandboxOptionsFor(EnvironmentProfile profile, string reportDirectory) => new SandboxOptions
    {
        // Served as a real deployment is: https with plain HTTP beside it (TE-02), from a CA made for this run and
        // trusted by it alone (tls.caFile, never the machine's store); ca.pem stays in the reports for curl --cacert.
        Urls = "https://127.0.0.1:0;http://127.0.0.1:0",
        TlsDirectory = Path.Combine(reportDirectory, ReportFiles.SandboxTls),
        // The embedded sandbox behaves as the environment file says the deployment does.
        ClientCredentialsOffered = profile.ClientCredentialsOffered,
        OperatorGrantType = profile.TokenEndpoint.OperatorGrantType,
        RotateRefreshTokens = profile.TokenEndpoint.RefreshTokenRotation,
    }.WithEnvironmentOverrides();

    private static int RunSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable(DataSeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next(1, int.MaxValue);

    private static void ResetRunFolder(string reportDirectory)
    {
        var runFolder = Path.Combine(reportDirectory, "run");
        if (Directory.Exists(runFolder))
            Directory.Delete(runFolder, recursive: true);
        Directory.CreateDirectory(runFolder);
    }

    private static void WriteStatus(string reportDirectory, RunOutcome outcome, string? message, string environment,
        DateTimeOffset startedAt, IReadOnlyDictionary<string, string>? facts = null) =>
        ReportJson.Write(RunStatus.PathIn(reportDirectory), new RunStatus
        {
            Outcome = outcome,
            Message = message,
            Environment = environment,
            EnvironmentFacts = facts ?? new Dictionary<string, string>(),
            StartedAt = startedAt,
        });

    /// <summary>The environment's non-secret facts, for the manifest and Allure's environment page.</summary>
    private static Dictionary<string, string> Facts(EnvironmentProfile profile, SandboxHost? sandbox, IEnumerable<string> promoted)
    {
        var endpoint = profile.TokenEndpoint;
        var facts = new Dictionary<string, string>
        {
            ["environment"] = profile.Name,
            ["target"] = profile.IsEmbeddedSandbox ? "embedded sandbox" : profile.BaseUrl?.GetLeftPart(UriPartial.Path) ?? "",
            ["baseUrl"] = profile.BaseUrl?.GetLeftPart(UriPartial.Path) ?? "",
            ["brandParameter"] = endpoint.BrandParameter.ToString(),
            ["operatorGrantType"] = endpoint.OperatorGrantType,
            ["clientCredentialsOffered"] = profile.ClientCredentialsOffered.ToString().ToLowerInvariant(),
            ["refreshTokenRotation"] = endpoint.RefreshTokenRotation.ToString().ToLowerInvariant(),
            ["refreshTokenReuseLeewaySeconds"] = endpoint.RefreshTokenReuseLeeway.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["accessTokenRevokedOnRefresh"] = endpoint.AccessTokenRevokedOnRefresh.ToString().ToLowerInvariant(),
            ["maxExpiryWaitSeconds"] = profile.MaxExpiryWait.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["expiryPlan"] = ExpiryPlan.Describe(profile),
            ["brands"] = string.Join(", ", profile.Brands.All),
            ["intrusiveProbes"] = profile.IntrusiveProbes.ToString().ToLowerInvariant(),
            ["requestTimeoutSeconds"] = profile.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["unavailableWaitSeconds"] = profile.Target.UnavailableWait.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["gatingPromotions"] = string.Join(", ", profile.Policy.Gating.Concat(promoted)),
            ["knownIssues"] = string.Join(", ", profile.Policy.KnownIssues.Keys),
            ["tlsCaFile"] = profile.Tls.CaFile ?? "",
            ["tlsClientCertificate"] = profile.Tls.ClientCertificate?.Certificate.Subject ?? "",
            ["tlsPlainHttpBaseUrl"] = profile.Tls.PlainHttpOptedOut ? "null" : profile.Tls.PlainHttpBaseUrl?.AbsoluteUri ?? "",
            ["tlsExpiryWarningDays"] = profile.Tls.ExpiryWarningDays.ToString(CultureInfo.InvariantCulture),
            ["route"] = profile.BaseUrl is { } target ? HttpTransport.For(profile).Route(target) : "",
        };
        if (sandbox is not null)
        {
            facts["sandboxDefects"] = sandbox.ActiveDefects.Count == 0 ? "none" : string.Join(", ", sandbox.ActiveDefects.Select(d => d.Name));
            facts["sandboxVariants"] = sandbox.ActiveVariants.Count == 0 ? "none" : string.Join(", ", sandbox.ActiveVariants.Select(v => v.Name));
            facts["sandboxDeclaration"] = SandboxDeclarations.Describe(sandbox.Declaration);
        }
        return facts;
    }
}
