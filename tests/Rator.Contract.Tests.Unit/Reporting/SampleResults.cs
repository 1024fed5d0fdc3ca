using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

/// <summary>Scenario results as the run log holds them, for the reporting tests.</summary>
internal static class SampleResults
{
    public static ScenarioResult Scenario(string name, string verdict, params string[] tags) => new()
    {
        Id = name,
        Feature = "Brand key",
        FeatureFile = "Features/BrandKey/Brand.feature",
        Rule = "A token works only for its brand",
        Name = name,
        TestName = $"Brand key — {name}",
        Tags = tags,
        Verdict = verdict,
        Start = DateTimeOffset.UnixEpoch,
        Stop = DateTimeOffset.UnixEpoch.AddMilliseconds(42),
        Message = verdict == Verdicts.Passed ? null : "Expected status 403, got 200",
        Steps = [new StepResult("Given ", "a customer", "passed", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null)],
        Evidence = [new EvidenceItem("POST /oauth/token → 200", "text/plain", "POST …", 0)],
    };
}
