using NUnit.Framework;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Stands in for the code-behind Reqnroll's generator would write: one fixture per feature file, one test
/// per pickle. Features, and the scenarios within a feature, run in parallel: every scenario takes its own
/// Reqnroll test runner (ScenarioExecutor), so nothing is shared but the feature's info. @serial opts out.
/// </summary>
[TestFixtureSource(typeof(FeatureCatalog), nameof(FeatureCatalog.Fixtures))]
[Parallelizable(ParallelScope.All)]
public sealed class GherkinFeatureFixture(FeatureSpec feature)
{
    [ScenarioCases]
    [ScenarioOutcome]
    public Task Scenario(ScenarioSpec scenario) => ScenarioExecutor.RunAsync(feature, scenario);

    /// <summary>The single test of a feature file that could not be parsed.</summary>
    [ParseErrorCase]
    public void ParseError(string error) => ScenarioExecutor.ReportParseError(feature, error);

    [OneTimeTearDown]
    public async Task EndFeatureAsync()
    {
        if (feature.Info is not null)
            await Reqnroll.TestRunnerManager.ReleaseFeatureAsync(feature.Info, FeatureCatalog.TestAssembly);
    }
}
