using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Rator.Contract.Tests.Unit.Runner;

/// <summary>
/// Runs the sample suite once through `dotnet test` (the way the contract suite runs) and checks what
/// people and CI see: test names, categories, outcomes and messages, parallelism, step output, and the
/// Reqnroll living documentation in RATOR_REPORT_DIR.
/// </summary>
[TestFixture]
[Category("end-to-end")]
public sealed class RunnerEndToEndTests
{
    private const string Calculator = "Sample calculator — ";
    private const string Verdicts = "Sample verdicts — ";
    private static SampleSuiteRun _run = null!;

    [OneTimeSetUp]
    public void RunSampleSuite() =>
        _run = SampleSuiteRun.Execute(Path.Combine(TestContext.CurrentContext.WorkDirectory, "runner-e2e"));

    [Test]
    public void Gives_one_test_per_pickle_named_feature_dash_scenario_with_example_values()
    {
        _run.TrxResults.Keys.Should().BeEquivalentTo(
            Calculator + "Add two numbers",
            Calculator + "Multiply 2 by 3 [2, 3, 6]",
            Calculator + "Multiply 4 by 5 [4, 5, 20]",
            Calculator + "Multiply 100 by 200 [100, 200, 20000]",
            Calculator + "Sum a table of numbers",
            Calculator + "Read a doc string with {braces} and v1.2 dots",
            Calculator + "Ignored scenario",
            Calculator + "Divide by the rule divisor",
            Verdicts + "A failing FluentAssertions step",
            Verdicts + "A failing NUnit assertion",
            Verdicts + "A step throwing an exception",
            Verdicts + "An undefined step",
            Verdicts + "A missing precondition",
            Verdicts + "A feature absent by design",
            Verdicts + "A known issue with an NUnit assertion",
            Verdicts + "A known issue with a FluentAssertions step",
            Verdicts + "A known issue that passes",
            Verdicts + "A scenario that writes output",
            Verdicts + "A pending step",
            "Features/Verdicts/Broken.feature — parse error",
            "Parallel A — A one",
            "Parallel A — A two",
            "Parallel B — B one",
            "Parallel B — B two",
            "Serial work — Runs alone",
            "Serial work — Runs with the others",
            "Serial work — Judges the whole run",
            "Failing feature hook — First scenario of a feature whose hook fails",
            "Failing feature hook — Second scenario of a feature whose hook fails",
            "Ignored feature — Never run",
            "Waiting long — Starts first although its file comes last");
    }

    [Test]
    public void Reports_each_feature_as_a_class_named_after_it()
    {
        ClassName(Calculator + "Add two numbers").Should().Be("Rator.Runner.Sample.Features.SampleCalculator");
        ClassName("Parallel A — A one").Should().Be("Rator.Runner.Sample.Features.ParallelA");
        _run.NUnitCases[Calculator + "Add two numbers"].Attribute("fullname")!.Value
            .Should().Be("Rator.Runner.Sample.Features.SampleCalculator.Sample calculator — Add two numbers");
    }

    [Test]
    public void Turns_feature_rule_scenario_and_examples_tags_into_categories()
    {
        _run.Categories(Calculator + "Add two numbers").Should().BeEquivalentTo("calculator");
        _run.Categories(Calculator + "Multiply 2 by 3 [2, 3, 6]").Should().BeEquivalentTo("calculator", "smoke");
        _run.Categories(Calculator + "Multiply 100 by 200 [100, 200, 20000]").Should().BeEquivalentTo("calculator");
        _run.Categories(Calculator + "Divide by the rule divisor").Should().BeEquivalentTo("calculator", "rules", "division");
    }

    [Test]
    public void Runs_background_outline_table_doc_string_rule_and_hooks_through_Reqnroll()
    {
        foreach (var name in new[]
                 {
                     "Add two numbers", "Multiply 2 by 3 [2, 3, 6]", "Multiply 4 by 5 [4, 5, 20]",
                     "Multiply 100 by 200 [100, 200, 20000]", "Sum a table of numbers",
                     "Read a doc string with {braces} and v1.2 dots", "Divide by the rule divisor",
                 })
            _run.Outcome(Calculator + name).Should().Be("Passed", name);
        _run.Hooks.GetProperty("beforeTestRun").GetInt32().Should().Be(1);
        // Scenarios of one feature run in parallel, each on a test runner of its own worker: Reqnroll starts the
        // feature (and runs [BeforeFeature]) once per runner that executes it, never more than once per worker.
        foreach (var feature in new[] { "Sample calculator", "Sample verdicts", "Parallel A", "Parallel B", "Serial work" })
            _run.Hooks.GetProperty("beforeFeature").GetProperty(feature).GetInt32().Should().BeInRange(1, 4, feature);
    }

    [Test]
    public void Fails_a_step_with_its_keyword_text_and_the_original_assertion_and_stack()
    {
        var test = Verdicts + "A failing FluentAssertions step";

        _run.Outcome(test).Should().Be("Failed");
        _run.Message(test).Should().StartWith(
            "Step failed: Then the result should be 999" + Environment.NewLine +
            "Expected calculator.Result to be 999, but found 0");
        _run.StackTrace(test).Should().Contain("CalculatorSteps.Result");
        _run.Output(test).Should().Contain("And the result should be 1").And.Contain("skipped because of previous errors");
    }

    [Test]
    public void Fails_an_NUnit_assertion_and_an_exception_the_same_way()
    {
        _run.Outcome(Verdicts + "A failing NUnit assertion").Should().Be("Failed");
        _run.Message(Verdicts + "A failing NUnit assertion").Should()
            .StartWith("Step failed: Then NUnit asserts 1 equals 2").And.Contain("Expected: 2");
        _run.Message(Verdicts + "A step throwing an exception").Should()
            .Be("Step failed: When a step throws \"boom from step\"" + Environment.NewLine + "boom from step");
    }

    [Test]
    public void Fails_an_undefined_step_with_Reqnrolls_snippet_and_a_pending_one_as_well()
    {
        var undefined = Verdicts + "An undefined step";

        _run.Outcome(undefined).Should().Be("Failed");
        _run.Message(undefined).Should()
            .StartWith("Step failed: When I do something nobody implemented with 3 apples")
            .And.Contain("[When(\"I do something nobody implemented with {int} apples\")]");
        _run.Outcome(Verdicts + "A pending step").Should().Be("Failed");
        _run.Message(Verdicts + "A pending step").Should().StartWith("Step failed: Given a step still to be written");
    }

    [Test]
    public void Reports_a_malformed_feature_file_as_one_failing_test()
    {
        var test = "Features/Verdicts/Broken.feature — parse error";

        _run.Outcome(test).Should().Be("Failed");
        _run.Message(test).Should().StartWith("Gherkin parse error: Features/Verdicts/Broken.feature: ")
            .And.Contain("(6:4)");
    }

    [Test]
    public void Fails_every_scenario_of_a_feature_whose_BeforeFeature_hook_failed_and_records_them()
    {
        foreach (var test in new[]
                 {
                     "Failing feature hook — First scenario of a feature whose hook fails",
                     "Failing feature hook — Second scenario of a feature whose hook fails",
                 })
        {
            _run.Outcome(test).Should().Be("Failed");
            _run.Message(test).Should().Contain("Scenario not run: the [BeforeFeature] hook failed: the feature's setup broke");
            Verdict(test).Should().Be("error");
        }
    }

    [Test]
    public void Lets_the_verdict_policy_turn_failures_into_warnings_even_after_a_recorded_NUnit_assertion()
    {
        _run.NUnitResult(Verdicts + "A known issue with an NUnit assertion").Should().Be("Warning");
        _run.NUnitMessage(Verdicts + "A known issue with an NUnit assertion").Should().StartWith("Known issue:").And.Contain("Expected: 2");
        _run.NUnitResult(Verdicts + "A known issue with a FluentAssertions step").Should().Be("Warning");
        _run.NUnitMessage(Verdicts + "A known issue with a FluentAssertions step").Should()
            .Be("Known issue: Expected calculator.Result to be 42, but found 0 (difference of -42).");
        _run.NUnitResult(Verdicts + "A known issue that passes").Should().Be("Passed");
        _run.Output(Verdicts + "A known issue that passes").Should().Contain("known issue appears fixed");
    }

    [Test]
    public void Skips_a_missing_precondition_and_ignores_what_is_absent_by_design_or_tagged_ignore()
    {
        _run.NUnitResult(Verdicts + "A missing precondition").Should().Be("Skipped:Ignored");
        _run.NUnitMessage(Verdicts + "A missing precondition").Should().Be("Skipped: no customer of BRAND9 in this environment");
        _run.NUnitResult(Verdicts + "A feature absent by design").Should().Be("Skipped:Ignored");
        _run.NUnitMessage(Verdicts + "A feature absent by design").Should().Be("Not applicable: client credentials are not offered");
        _run.NUnitResult(Calculator + "Ignored scenario").Should().Be("Skipped:Ignored");
        _run.NUnitResult("Ignored feature — Never run").Should().Be("Skipped:Ignored", "a feature's @ignore is inherited");
        var afterScenario = _run.Hooks.GetProperty("afterScenario");
        afterScenario.GetProperty("A missing precondition").GetInt32().Should().Be(1, "AfterScenario hooks still run");
        afterScenario.GetProperty("A feature absent by design").GetInt32().Should().Be(1);
    }

    [Test]
    public void Runs_features_in_parallel_and_a_serial_scenario_alone()
    {
        var a = _run.Interval("Parallel A — A one");
        var b = _run.Interval("Parallel B — B one");
        (a.Start < b.Stop && b.Start < a.Stop).Should().BeTrue($"A one {a} and B one {b} should overlap");

        var serial = _run.Interval("Serial work — Runs alone");
        foreach (var other in _run.Runs.Keys.Where(name => name != "Serial work — Runs alone"))
        {
            var o = _run.Interval(other);
            (o.Stop <= serial.Start || o.Start >= serial.Stop).Should().BeTrue($"{other} {o} ran during the serial scenario {serial}");
        }
        _run.Categories("Serial work — Runs alone").Should().Contain("serial");
        _run.Categories("Serial work — Runs with the others").Should().BeEmpty();
    }

    [Test]
    public void Runs_a_whole_run_scenario_after_every_other_scenario_has_ended()
    {
        var judge = _run.Interval("Serial work — Judges the whole run");
        foreach (var other in _run.Runs.Keys.Where(name => name != "Serial work — Judges the whole run"))
            _run.Interval(other).Stop.Should().BeOnOrBefore(judge.Start, $"{other} must end before the whole run is judged");
        _run.Categories("Serial work — Judges the whole run").Should().Contain("whole-run");
    }

    [Test]
    public void Starts_a_slow_scenario_with_the_first_workers_whatever_its_features_place()
    {
        // Four workers (LevelOfParallelism): the first four scenarios queued start together.
        var starts = _run.Runs.Keys.Select(name => (name, _run.Interval(name).Start)).OrderBy(r => r.Start).Select(r => r.name).ToList();
        starts.IndexOf("Waiting long — Starts first although its file comes last").Should().BeLessThan(4, string.Join(", ", starts.Take(6)));
    }

    [Test]
    public void Writes_each_scenarios_step_trace_to_its_own_test_output()
    {
        _run.Output("Parallel A — A one").Should().Contain("stores \"A1\"").And.NotContain("B1").And.NotContain("A2");
        _run.Output(Verdicts + "A scenario that writes output").Should().Contain("hello from the step");
    }

    [Test]
    public void Publishes_every_executed_scenario_with_its_final_verdict_to_the_run_log()
    {
        _run.Runs.Should().HaveCount(29, "every test but the two @ignore ones");
        Verdict("Features/Verdicts/Broken.feature — parse error").Should().Be("error");
        Verdict(Calculator + "Add two numbers").Should().Be("passed");
        Verdict(Verdicts + "A failing FluentAssertions step").Should().Be("failed");
        Verdict(Verdicts + "A step throwing an exception").Should().Be("error");
        Verdict(Verdicts + "An undefined step").Should().Be("error");
        Verdict(Verdicts + "A known issue with an NUnit assertion").Should().Be("warning");
        Verdict(Verdicts + "A missing precondition").Should().Be("skipped");
        Verdict(Verdicts + "A feature absent by design").Should().Be("notApplicable");
        _run.Runs[Verdicts + "A missing precondition"].GetProperty("message").GetString()
            .Should().Be("Skipped: no customer of BRAND9 in this environment");

        var undefined = _run.Runs[Verdicts + "An undefined step"];
        undefined.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString())
            .Should().Equal("undefined", "skipped");

        var row = _run.Runs[Calculator + "Multiply 2 by 3 [2, 3, 6]"];
        row.GetProperty("featureFile").GetString().Should().Be("Features/Calculator.feature");
        row.GetProperty("featureDescription").GetString().Should().StartWith("Exercises the Gherkin constructs");
        row.GetProperty("scenarioTitle").GetString().Should().Be("Multiply 2 by 3");
        row.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("smoke");
        row.GetProperty("inheritedTags").EnumerateArray().Select(t => t.GetString()).Should().Equal("calculator");
        row.GetProperty("arguments").GetProperty("product").GetString().Should().Be("6");
        row.GetProperty("steps").GetArrayLength().Should().Be(5, "the Background step comes first");
        row.GetProperty("testFullName").GetString().Should()
            .Be("Rator.Runner.Sample.Features.SampleCalculator.Sample calculator — Multiply 2 by 3 [2, 3, 6]");
        _run.Runs[Calculator + "Divide by the rule divisor"].GetProperty("ruleTitle").GetString()
            .Should().Be("Division uses the rule's divisor");
        _run.Runs.Values.Select(r => r.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems()
            .And.AllSatisfy(id => id.Should().MatchRegex("^[0-9a-f]{16}$"));
    }

    [Test]
    public void Writes_the_living_documentation_and_messages_into_RATOR_REPORT_DIR()
    {
        var html = Path.Combine(_run.ReportDirectory, "living-documentation.html");
        var ndjson = Path.Combine(_run.ReportDirectory, "cucumber-messages.ndjson");

        new FileInfo(html).Length.Should().BeGreaterThan(100_000);
        var page = File.ReadAllText(html);
        foreach (var run in _run.Runs.Values.Where(r => r.GetProperty("verdict").GetString() != "error" || r.GetProperty("steps").GetArrayLength() > 0))
            page.Should().Contain(run.GetProperty("scenarioTitle").GetString());

        var envelopes = File.ReadLines(ndjson).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        // Every scenario that reached Reqnroll: not the @ignore ones, the parse error, nor those whose feature hook failed.
        envelopes.Count(e => e.TryGetProperty("testCase", out _)).Should().Be(26);
        envelopes.Count(e => e.TryGetProperty("testCaseFinished", out _)).Should().Be(26);
        var statuses = envelopes.Where(e => e.TryGetProperty("testStepFinished", out _))
            .Select(e => e.GetProperty("testStepFinished").GetProperty("testStepResult").GetProperty("status").GetString())
            .ToHashSet();
        statuses.Should().Contain(["PASSED", "FAILED", "SKIPPED", "UNDEFINED", "PENDING"]);
        // The page renders from the messages it embeds: every step result of the run is in it.
        Regex.Matches(page, "\"testStepFinished\":{").Count.Should().Be(
            envelopes.Count(e => e.TryGetProperty("testStepFinished", out _)));
    }

    [Test]
    public void Runs_an_empty_suite_without_error_when_there_are_no_features()
    {
        var (exitCode, console) = _run.RunWithoutFeatures(Path.Combine(TestContext.CurrentContext.WorkDirectory, "runner-e2e"));

        exitCode.Should().Be(0, console);
        console.Should().Contain("No test is available");
    }

    private static string ClassName(string test) =>
        (string)_run.TrxTests[test].Descendants().First(e => e.Name.LocalName == "TestMethod").Attribute("className")!;

    private static string? Verdict(string test) => _run.Runs[test].GetProperty("verdict").GetString();
}
