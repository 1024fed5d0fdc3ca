using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
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
    private int _exchangesAttached;
    private int _stepIndex;

    private SuiteRun Run => SuiteRun.Current
        ?? throw new ScenarioSkippedException($"not run: the run could not start. {RunHooks.AbortReason}");

    [BeforeScenario(Order = -1000)]
    public void Provide()
    {
        var run = Run;
        var container = scenario.ScenarioContainer;
        var recorder = new ExchangeRecorder(run.Redactor);
        var seed = TestData.SeedFor(run.DataSeed, scenario.ScenarioInfo.Title, scenario.ScenarioInfo.Arguments);
        container.RegisterInstanceAs(run.Profile);
        container.RegisterInstanceAs(run.Redactor);
        container.RegisterInstanceAs(run.Http);
        container.RegisterInstanceAs(new AccountAdministration(run.Sandbox), dispose: true);
        container.RegisterInstanceAs(recorder);
        container.RegisterInstanceAs(new RatorApi(run.Http, recorder));
        container.RegisterInstanceAs(new TestData(seed));
        container.RegisterInstanceAs<IScenarioVerdictPolicy>(new ComplianceVerdictPolicy(run.Policy, RequirementCatalogue.Default, run.Redactor));
        output.WriteLine($"Test data seed {seed} (replay with {RunHooks.DataSeedVariable}; environment '{run.Profile.Name}')");
    }

    [AfterStep]
    public void AttachExchangesOfStep() => AttachNewExchanges(_stepIndex++);

    [AfterScenario(Order = 1000)]
    public void HandOverEvidence()
    {
        // Exchanges of a failing step are attached here: Reqnroll runs no AfterStep hook for it.
        AttachNewExchanges(_stepIndex);
        var seed = scenario.ScenarioContainer.Resolve<TestData>().Seed;
        Run.PendingEvidence[NUnit.Framework.TestContext.CurrentContext.Test.FullName] = new ScenarioEvidence(_evidence.ToList(), seed);
    }

    private void AttachNewExchanges(int stepIndex)
    {
        foreach (var exchange in scenario.ScenarioContainer.Resolve<ExchangeRecorder>().Since(_exchangesAttached))
        {
            var text = exchange.Render();
            output.WriteLine(text);
            _evidence.Add(new EvidenceItem(exchange.Summary, "text/plain", text, stepIndex));
            _exchangesAttached++;
        }
    }
}
