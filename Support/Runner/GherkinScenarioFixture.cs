using NUnit.Framework;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Stands in for the code-behind Reqnroll's generator would write: one test per pickle of every feature file,
/// named and classed after its feature (TestNaming), so reports group them by feature.
/// One fixture rather than one per feature, for start order: NUnit's workers race to open parallel fixtures, so a
/// feature listed first could still have its scenarios queued last. A single fixture queues every scenario from one
/// thread, in the order ScenarioCases gives: the long waits first, where they overlap everything else.
/// Every scenario takes its own Reqnroll test runner (ScenarioExecutor), so nothing is shared but the feature's info.
/// @serial opts out of parallelism. The fixture itself is parallelizable too (ParallelScope.All): it then runs, and
/// queues its scenarios, in NUnit's parallel shift, so the non-parallel shift holding the @serial and @whole-run
/// scenarios starts only after every parallel scenario has ended. A fixture confined to the non-parallel shift would
/// run those scenarios first.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class GherkinScenarioFixture
{
    [ScenarioCases]
    [ScenarioOutcome]
    public Task Scenario(FeatureSpec feature, ScenarioSpec scenario) => ScenarioExecutor.RunAsync(feature, scenario);

    /// <summary>The single test of a feature file that could not be parsed.</summary>
    [ParseErrorCase]
    public void ParseError(FeatureSpec feature, string error) => ScenarioExecutor.ReportParseError(feature, error);

    [OneTimeTearDown]
    public async Task EndFeaturesAsync()
    {
        foreach (var info in FeatureCatalog.Features.Select(feature => feature.Info).OfType<Reqnroll.FeatureInfo>())
            await Reqnroll.TestRunnerManager.ReleaseFeatureAsync(info, FeatureCatalog.TestAssembly);
    }
}
