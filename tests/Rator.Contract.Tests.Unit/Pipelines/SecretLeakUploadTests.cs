using FluentAssertions;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace Rator.Contract.Tests.Unit.Pipelines;

/// <summary>
/// Exit code 5 means the run's own artifacts hold a secret: the workflows must not publish them (nor the test results
/// made from them), only summary.json. Read from the YAML files as CI reads them.
/// </summary>
public sealed class SecretLeakUploadTests
{
    private static readonly string Root = FindRoot();

    [Test]
    public void GitHub_publishes_the_reports_and_the_junit_check_only_when_the_run_did_not_exit_5()
    {
        var steps = Steps(Load(".github/workflows/contract-tests.yml"), "jobs", "contract", "steps");
        var suite = steps.Single(s => Value(s, "id") == "suite");
        Value(suite, "run").Should().Contain("exit_code=$?", "the gate reads the suite's exit code from the step output");

        foreach (var step in steps.Where(s => Value(s, "uses") is { } uses
                     && (uses.StartsWith("actions/upload-artifact") || uses.StartsWith("mikepenz/action-junit-report"))))
        {
            var condition = Value(step, "if");
            var path = Value(step, "with", "path") ?? Value(step, "with", "report_paths") ?? "";
            if (path.EndsWith("summary.json"))
                condition.Should().Contain("steps.suite.outputs.exit_code == '5'", "summary.json alone goes up when a secret was found");
            else
                condition.Should().Contain("steps.suite.outputs.exit_code != '5'", $"'{Value(step, "name")}' uploads {path}");
        }

        steps.Should().Contain(s => Value(s, "with", "path") == "reports/latest/summary.json");
        steps.Should().Contain(s => Value(s, "with", "path") == "reports/latest/");
    }

    [Test]
    public void Azure_publishes_the_reports_and_the_test_results_only_when_the_run_did_not_exit_5()
    {
        var root = Load("pipelines/azure-pipelines.yml");
        var stage = ((YamlSequenceNode)root.Children[new YamlScalarNode("stages")]).Children.OfType<YamlMappingNode>()
            .Single(s => Value(s, "stage") == "contract");
        var job = ((YamlSequenceNode)stage.Children[new YamlScalarNode("jobs")]).Children.OfType<YamlMappingNode>().Single();
        var steps = ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.OfType<YamlMappingNode>().ToList();
        Value(steps.Single(s => Value(s, "name") == "run"), "script").Should().Contain("variable=suiteExitCode;isOutput=true");

        var publishing = steps.Where(s => Value(s, "task") is "PublishPipelineArtifact@1" or "PublishTestResults@2").ToList();
        publishing.Should().HaveCount(3);
        foreach (var step in publishing)
        {
            var target = Value(step, "inputs", "targetPath") ?? Value(step, "inputs", "testResultsFiles");
            Value(step, "condition").Should().Be(target == "reports/latest/summary.json"
                ? "and(always(), eq(variables['run.suiteExitCode'], '5'))"
                : "and(always(), ne(variables['run.suiteExitCode'], '5'))", $"{Value(step, "task")} publishes {target}");
        }
    }

    private static YamlMappingNode Load(string relative)
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root, relative)));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return ((YamlSequenceNode)node).Children.OfType<YamlMappingNode>().ToList();
    }

    private static string? Value(YamlMappingNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
            current = current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        return (current as YamlScalarNode)?.Value;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rator.Contract.Tests.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Rator.Contract.Tests.sln above {AppContext.BaseDirectory}");
    }
}
