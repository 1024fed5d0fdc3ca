using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Availability;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Runner;
using Reqnroll;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// Gives each scenario its own recorder, API client, data faker and verdict policy, and attaches every
/// exchange, redacted, to the step that sent it: in the living documentation, the test output and the
/// run's scenario log.
/// </summary>
[Binding]
public sealed class ScenarioHooks(ScenarioContext scenario, IReqnrollOutputHelper output)
{
    private readonly List<EvidenceItem> _evidence = [];
    private readonly List<(int Step, int Sequence)> _sequences = [];
    private readonly List<string> _reproductions = [];
    private JudgedAnswers? _judged;
    private int _exchangesAttached;
    private int _stepIndex;

    private SuiteRun Run => SuiteRun.Current
        ?? throw new ScenarioSkippedException($"not run: the run could not start. {RunHooks.AbortReason}");

    [BeforeScenario(Order = -1000)]
    public void Provide()
    {
        var run = Run;
        if (run.TlsFinding is { } finding)
        {
            if (!TlsFinding.Runs(scenario.ScenarioInfo.CombinedTags))
                throw new ScenarioSkippedException($"not run: no first token could be had over TLS. {finding.Message}");
            run.TlsScenarioRan = true;
        }

        var container = scenario.ScenarioContainer;
        var recorder = new ExchangeRecorder(run.Redactor);
        var seed = TestData.SeedFor(run.DataSeed, scenario.ScenarioInfo.Title, scenario.ScenarioInfo.Arguments);
        container.RegisterInstanceAs(run.Profile);
        container.RegisterInstanceAs(run.Redactor);
        container.RegisterInstanceAs(run.Http);
        container.RegisterInstanceAs(new WholeRun(run.Answers, run.Profile));
        container.RegisterInstanceAs(new AccountAdministration(run.Sandbox), dispose: true);
        container.RegisterInstanceAs(recorder);
        container.RegisterInstanceAs(new RatorApi(run.Http, recorder));
        container.RegisterInstanceAs(run.Tls);
        container.RegisterInstanceAs(new TestData(seed));
        container.RegisterInstanceAs<IScenarioVerdictPolicy>(
            new ComplianceVerdictPolicy(run.Policy, RequirementCatalogue.Default, run.Redactor, () => _reproductions, () => _judged));
        container.RegisterInstanceAs<IScenarioRetryPolicy>(new OutageRetryPolicy(run.Availability, recorder));
        output.WriteLine($"Test data seed {seed} (replay with {RunHooks.DataSeedVariable}; environment '{run.Profile.Name}')");
        run.Answers.Started(ScenarioName);
    }

    /// <summary>A scenario does not start into an outage the run is waiting out: it would only meet it.</summary>
    [BeforeScenario(Order = -999)]
    public Task WaitOutAnOutage() => Run.Availability.WhenNotWaitingAsync();

    [AfterStep]
    public void AttachExchangesOfStep() => AttachNewExchanges(_stepIndex++);

    [AfterScenario(Order = 1000)]
    public void HandOverEvidence()
    {
        // Exchanges of a failing step are attached here: Reqnroll runs no AfterStep hook for it.
        AttachNewExchanges(_stepIndex);
        AttachReproductions();
        var seed = scenario.ScenarioContainer.Resolve<TestData>().Seed;
        Run.Answers.Finished(ScenarioName, scenario.ScenarioContainer.Resolve<ExchangeRecorder>().AnswersOf(ScenarioName));
        _judged = scenario.ScenarioContainer.Resolve<WholeRun>().Judged;
        Run.PendingEvidence[NUnit.Framework.TestContext.CurrentContext.Test.FullName] =
            new ScenarioEvidence(_evidence.ToList(), seed, _reproductions.ToList(), _judged);
    }

    /// <summary>
    /// A failing (or warning) scenario gets a curl command for each exchange of its failing step, or, when that step
    /// only judged an answer, for the last exchange before it: what QA re-sends by hand. Skips are not failures.
    /// </summary>
    private void AttachReproductions()
    {
        if (scenario.TestError is null or ScenarioSkippedException or ScenarioNotApplicableException or MissingRoleException)
            return;
        var failing = _sequences.Where(s => s.Step == _stepIndex).Select(s => s.Sequence).ToList();
        if (failing.Count == 0 && _sequences.Count > 0)
            failing = [_sequences[^1].Sequence];
        var recorder = scenario.ScenarioContainer.Resolve<ExchangeRecorder>();
        foreach (var sequence in failing)
        {
            if (recorder.Reproduce(sequence, Run.Variables, Run.Curl) is not { } command)
                continue;
            // The embedded sandbox ends with the run: the command needs one started alone on the same addresses,
            // with the run's CA (kept in the reports), so that --cacert still trusts it.
            if (Run.Sandbox is { } sandbox)
                command = $"# This run's embedded sandbox has stopped; first start one alone on its address:{Environment.NewLine}"
                          + $"#   {Defects(sandbox)}dotnet run --project sandbox/Rator.Sandbox -- {StandaloneArguments(sandbox)}{Environment.NewLine}"
                          + command;
            output.WriteLine($"Reproduce exchange #{sequence} with curl (set the variables it names first):{Environment.NewLine}{command}");
            _evidence.Add(new EvidenceItem($"Reproduce #{sequence} with curl", "text/plain", command, _stepIndex));
            _reproductions.Add(command);
        }
    }

    private static string ScenarioName => NUnit.Framework.TestContext.CurrentContext.Test.Name;

    private static string StandaloneArguments(Rator.Sandbox.SandboxHost sandbox)
    {
        var urls = string.Join(";", new[] { sandbox.BaseUrl, sandbox.PlainHttpBaseUrl }.OfType<Uri>().Select(u => u.GetLeftPart(UriPartial.Authority)));
        var tls = sandbox.CertificateAuthorityFile is { } ca ? $" --tls-dir '{Path.GetDirectoryName(ca)}'" : "";
        return $"--urls '{urls}'{tls}";
    }

    private static string Defects(Rator.Sandbox.SandboxHost sandbox) =>
        sandbox.ActiveDefects.Count == 0 ? "" : $"RATOR_SANDBOX_DEFECTS={string.Join(",", sandbox.ActiveDefects.Select(d => d.Name))} ";

    private void AttachNewExchanges(int stepIndex)
    {
        foreach (var exchange in scenario.ScenarioContainer.Resolve<ExchangeRecorder>().Since(_exchangesAttached))
        {
            var text = exchange.Render();
            output.WriteLine(text);
            _evidence.Add(new EvidenceItem(exchange.Summary, "text/plain", text, stepIndex));
            _sequences.Add((stepIndex, exchange.Sequence));
            _exchangesAttached++;
        }
    }
}
