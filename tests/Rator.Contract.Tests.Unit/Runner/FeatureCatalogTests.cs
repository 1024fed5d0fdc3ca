using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Runner;

public sealed class FeatureCatalogTests
{
    private string _root = "";

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("rator-catalog-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Finds_nothing_without_a_features_folder() =>
        FeatureCatalog.LoadAll(_root).Should().BeEmpty();

    [Test]
    public void Loads_every_feature_below_Features_in_path_order_with_unique_class_names()
    {
        Write("Features/b/Same.feature", "Feature: Same title\n  Scenario: s\n    Given x\n");
        Write("Features/a/Same.feature", "Feature: Same title\n  Scenario: s\n    Given x\n");
        Write("Features/c/Broken.feature", "Feature: Broken\n  Scenario: x\n    Given y\n  Examples oops\n");
        Write("Features/readme.md", "not a feature");

        var features = FeatureCatalog.LoadAll(_root);

        features.Select(f => f.RelativePath).Should().Equal(
            "Features/a/Same.feature", "Features/b/Same.feature", "Features/c/Broken.feature");
        features.Select(f => f.ClassName).Should().Equal("SameTitle", "SameTitle2", "Broken");
        features[2].ParseError.Should().Contain("Features/c/Broken.feature");
    }

    [Test]
    public void Starts_the_long_waits_first_then_the_bursts_then_the_rest_in_path_and_file_order()
    {
        Write("Features/a/Quick.feature", "Feature: A\n  Scenario: a1\n    Given x\n  @intrusive\n  Scenario: a2\n    Given x\n  Scenario: a3\n    Given x\n");
        Write("Features/b/Waits.feature", "Feature: B\n  Scenario: b1\n    Given x\n  @slow\n  Scenario: b2\n    Given x\n");
        Write("Features/c/AllSlow.feature", "@slow\nFeature: C\n  Scenario: c1\n    Given x\n  @intrusive\n  Scenario: c2\n    Given x\n");

        var order = FeatureCatalog.InStartOrder(FeatureCatalog.LoadAll(_root)).Select(c => c.Scenario.Title);

        // A feature's @slow is inherited, and @slow outranks @intrusive on the same scenario.
        order.Should().Equal("b2", "c1", "c2", "a2", "a1", "a3", "b1");
    }

    [Test]
    public void Queues_the_scenarios_judging_the_whole_run_last_and_runs_them_alone()
    {
        Write("Features/a/Judge.feature", "Feature: A\n  @whole-run\n  Scenario: every answer\n    Given x\n  Scenario: a1\n    Given x\n");
        Write("Features/b/Waits.feature", "@slow\nFeature: B\n  Scenario: b1\n    Given x\n  @serial\n  Scenario: b2\n    Given x\n");

        var cases = FeatureCatalog.InStartOrder(FeatureCatalog.LoadAll(_root)).Select(c => c.Scenario).ToList();

        cases.Select(c => c.Title).Should().Equal("b1", "b2", "a1", "every answer");
        cases.Single(c => c.Title == "every answer").IsSerial.Should().BeTrue("a whole-run judgement must not overlap the scenarios it judges");
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
