using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

public sealed class LivingDocumentationTests
{
    private const string Uri = "Features/BrandKey/Brand.feature";
    private const string Stack = "   at Rator.Contract.Tests.Steps.TokenAnswerSteps.NoTokenIssued() in /home/ci/work/rator/Steps/TokenAnswerSteps.cs:line 18\n   at Other.Place() in /usr/src/lib/Other.cs:line 3";

    // Three pickles of one feature, each run once, each with a failed step as Reqnroll reported it.
    private static List<JsonNode> Envelopes()
    {
        var envelopes = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            envelopes.Add(new JsonObject { ["pickle"] = new JsonObject { ["id"] = $"p{i}", ["uri"] = Uri, ["name"] = $"s{i}" } });
            envelopes.Add(new JsonObject { ["testCase"] = new JsonObject { ["id"] = $"c{i}", ["pickleId"] = $"p{i}" } });
            envelopes.Add(new JsonObject { ["testCaseStarted"] = new JsonObject { ["id"] = $"r{i}", ["testCaseId"] = $"c{i}" } });
        }
        for (var i = 0; i < 3; i++)
            envelopes.Add(new JsonObject
            {
                ["testStepFinished"] = new JsonObject
                {
                    ["testCaseStartedId"] = $"r{i}",
                    ["testStepId"] = $"t{i}",
                    ["testStepResult"] = new JsonObject
                    {
                        ["status"] = "FAILED",
                        ["message"] = "Expected status 403, but the deployment answered 200 OK.",
                        ["exception"] = new JsonObject { ["type"] = "AssertionException", ["message"] = "Expected status 403, but the deployment answered 200 OK.", ["stackTrace"] = Stack },
                    },
                },
            });
        envelopes.Add(JsonNode.Parse("""{"testRunFinished":{"success":false}}""")!);
        return envelopes;
    }

    private static ScenarioResult Result(int pickle, string verdict) =>
        SampleResults.Scenario($"s{pickle}", verdict, "BK-06") with { FeatureFile = Uri, PickleIndex = pickle };

    [Test]
    public void Warnings_and_not_applicable_steps_are_no_failures_and_stack_traces_become_attachments()
    {
        var aligned = LivingDocumentation.Align(Envelopes(), [Result(0, Verdicts.Failed), Result(1, Verdicts.Warning), Result(2, Verdicts.NotApplicable)],
            "/home/ci/work/rator");

        var steps = aligned.Select(e => e["testStepFinished"]).OfType<JsonNode>().ToDictionary(s => (string)s["testCaseStartedId"]!, s => s["testStepResult"]!);
        ((string)steps["r0"]["status"]!).Should().Be("FAILED");
        ((string)steps["r0"]["message"]!).Should().Be("Expected status 403, but the deployment answered 200 OK.");
        ((string)steps["r1"]["status"]!).Should().Be("PENDING");
        ((string)steps["r1"]["message"]!).Should().StartWith(LivingDocumentation.WarningPrefix + "Expected status 403");
        ((string)steps["r2"]["status"]!).Should().Be("SKIPPED");
        aligned.Select(e => e.ToJsonString()).Should().NotContain(s => s.Contains("stackTrace") || s.Contains("/home/ci"));

        var attachments = aligned.Select(e => e["attachment"]).OfType<JsonNode>().ToList();
        attachments.Should().HaveCount(3);
        ((string)attachments[0]["body"]!).Should().Contain("in Steps/TokenAnswerSteps.cs:line 18").And.Contain("in Other.cs:line 3");
        ((string)attachments[0]["testStepId"]!).Should().Be("t0");
        ((bool)aligned.Last()["testRunFinished"]!["success"]!).Should().BeFalse();
    }

    [Test]
    public void A_run_whose_gate_passed_is_a_success_and_aligning_twice_changes_nothing_more()
    {
        var results = new[] { Result(0, Verdicts.Passed), Result(1, Verdicts.Warning), Result(2, Verdicts.Warning) };
        var once = LivingDocumentation.Align(Envelopes(), results, null);
        var twice = LivingDocumentation.Align(once.Select(e => e.DeepClone()).ToList(), results, null);

        ((bool)once.Last()["testRunFinished"]!["success"]!).Should().BeTrue();
        twice.Select(e => e.ToJsonString()).Should().Equal(once.Select(e => e.ToJsonString()));
    }
}
