using NUnit.Framework;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Stands in for the code-behind Reqnroll's generator would write: one fixture per feature file, one test
/// per pickle. Features run in parallel with each other; scenarios of one feature run in order.
/// </summary>
[TestFixtureSource(typeof(FeatureCatalog), nameof(FeatureCatalog.Fixtures))]
[Parallelizable(ParallelScope.Self)]
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
