using System.Collections.Concurrent;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Availability;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Probes;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Sandbox;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// What one run shares across its scenarios: the environment, the redactor that knows every secret and
/// token, the one HTTP client, the embedded sandbox when there is one, and the report sinks. Built by the
/// first hook, torn down by the last; scenarios reach it only through what the scenario hook registers.
/// </summary>
public sealed class SuiteRun : IAsyncDisposable
{
    // Run-wide by nature: Reqnroll's [BeforeTestRun] hooks are static, and so is the state they hand over.
    public static SuiteRun? Current { get; internal set; }

    internal SuiteRun(EnvironmentProfile profile, SecretRedactor redactor, string reportDirectory,
        CompliancePolicy policy, SandboxHost? sandbox, int dataSeed, TlsFinding? tlsFinding = null)
    {
        Probe = new AvailabilityProbe(profile, redactor);
        Availability = new DeploymentAvailability(Probe.CheckAsync, profile.Target.UnavailableWait);
        var http = new RatorHttp(profile, redactor, outageCheck: answeredAt => Availability.CheckAsync(answeredAt));
        Profile = profile;
        Redactor = redactor;
        Http = http;
        ReportDirectory = reportDirectory;
        Policy = policy;
        Sandbox = sandbox;
        DataSeed = dataSeed;
        Log = new ScenarioLog(reportDirectory);
        Variables = ShellVariables.For(profile);
        Curl = CurlTransport.For(profile);
        TlsFinding = tlsFinding;
        Tls = new TlsInspection(http.Transport, profile.RequireBaseUrl(), profile.RequestTimeout, tlsFinding?.Examination);
    }

    /// <summary>Whether the deployment is there at all, for the scenarios that met an answer an outage gives.</summary>
    public DeploymentAvailability Availability { get; }

    private AvailabilityProbe Probe { get; }

    /// <summary>The run's one examination of the deployment's TLS (SH-05).</summary>
    public TlsInspection Tls { get; }

    /// <summary>
    /// When the certificate or the handshake kept the run from its first token: what the TLS probe found. Only the
    /// scenarios that send no credentials (@tls) run then; the others are not run, with this reason.
    /// </summary>
    public TlsFinding? TlsFinding { get; }

    /// <summary>A scenario that sends no credentials (@tls) ran: with a <see cref="TlsFinding"/>, it reported it.</summary>
    public bool TlsScenarioRan { get; internal set; }

    /// <summary>The shell variables reproduction commands use for the environment's secrets.</summary>
    public ShellVariables Variables { get; }

    /// <summary>The curl options that reach the deployment as the run does (CA, client certificate, proxy).</summary>
    public CurlTransport Curl { get; }

    public EnvironmentProfile Profile { get; }
    public SecretRedactor Redactor { get; }
    public RatorHttp Http { get; }
    public string ReportDirectory { get; }
    public CompliancePolicy Policy { get; }
    public SandboxHost? Sandbox { get; }
    public ScenarioLog Log { get; }

    /// <summary>The run's data seed; each scenario derives its own from it (RATOR_DATA_SEED replays a run).</summary>
    public int DataSeed { get; }

    /// <summary>Every answer of the run, handed over by each scenario as it ends: what the whole-run rules judge.</summary>
    public RunAnswers Answers { get; } = new();

    /// <summary>Evidence of scenarios that ended but whose verdict the runner has not published yet, by NUnit full name.</summary>
    internal ConcurrentDictionary<string, ScenarioEvidence> PendingEvidence { get; } = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Probe.Dispose();
        if (Sandbox is not null)
            await Sandbox.DisposeAsync();
    }
}
