using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rator.Contract.Tests.Support.Runner;
using Reqnroll;

namespace Rator.Contract.Tests.Unit.Runner.Sample.Steps;

/// <summary>@known-issue scenarios end as warnings when they fail: the kind of policy the suite plugs in.</summary>
public sealed class KnownIssuePolicy : IScenarioVerdictPolicy
{
    public ScenarioDisposition Decide(ScenarioRunInfo scenario, Exception? error) => error switch
    {
        null => ScenarioDisposition.Pass("known issue appears fixed"),
        ScenarioSkippedException or ScenarioNotApplicableException => DefaultVerdictPolicy.Instance.Decide(scenario, error),
        _ => ScenarioDisposition.Warn("Known issue: " + error.Message),
    };
}

[Binding]
public sealed class SampleHooks
{
    private static int _beforeTestRun;
    private static readonly ConcurrentDictionary<string, int> BeforeFeature = new();
    private static readonly ConcurrentDictionary<string, int> AfterScenario = new();

    [BeforeTestRun]
    public static void CountTestRun() => Interlocked.Increment(ref _beforeTestRun);

    [BeforeFeature]
    public static void CountFeature(FeatureContext feature) =>
        BeforeFeature.AddOrUpdate(feature.FeatureInfo.Title, 1, (_, n) => n + 1);

    [BeforeFeature("failing-before-feature")]
    public static void FailFeature() => throw new InvalidOperationException("the feature's setup broke");

    [BeforeScenario("known-issue")]
    public void RegisterPolicy(ScenarioContext scenario) =>
        scenario.ScenarioContainer.RegisterInstanceAs<IScenarioVerdictPolicy>(new KnownIssuePolicy());

    [AfterScenario]
    public void CountAfterScenario(ScenarioContext scenario) =>
        AfterScenario.AddOrUpdate(scenario.ScenarioInfo.Title, 1, (_, n) => n + 1);

    /// <summary>What the end-to-end tests read back: the run log and the hook counts.</summary>
    [AfterTestRun]
    public static void Export()
    {
        var folder = ReportLocation.ReportDirectory ?? AppContext.BaseDirectory;
        Directory.CreateDirectory(folder);
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        File.WriteAllText(Path.Combine(folder, "scenario-runs.json"), JsonSerializer.Serialize(ScenarioRunLog.Runs, options));
        File.WriteAllText(Path.Combine(folder, "hooks.json"), JsonSerializer.Serialize(new
        {
            beforeTestRun = _beforeTestRun,
            beforeFeature = BeforeFeature,
            afterScenario = AfterScenario,
        }, options));
    }
}
