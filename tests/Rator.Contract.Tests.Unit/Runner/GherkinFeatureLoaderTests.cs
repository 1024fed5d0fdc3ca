using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Runner;

public sealed class GherkinFeatureLoaderTests
{
    private const string Sample = """
        @tokens @TE-01
        Feature: Token endpoint: basics
          Why the rule exists,
            and where it comes from.

          Background:
            Given the sandbox is running

          Scenario: Issue a token
            When the customer asks for a token
            Then a token is issued

          @outline
          Scenario Outline: Refuse <grant> for {a} brand
            When the client asks with <grant>
            * the brand is "<brand>"
            Then the answer is <status>

            @smoke
            Examples: common
              | grant    | brand  | status |
              | password | BRAND1 | 200    |

            Examples: rare
              | grant    | brand  | status |
              | refresh  | BRAND2 | 400    |

          Scenario: Issue a token
            Given a table:
              | name  | value |
              | alpha | 1     |
            And a text:
              ```
              line one
              line two
              ```

          @BK-06
          Rule: A token works only for its brand

            Background:
              Given a token of BRAND1

            @ignore @serial
            Scenario: Cross-brand read
              When it reads BRAND2 data
              But nothing is disclosed
        """;

    private static FeatureSpec Load() => GherkinFeatureLoader.Load(Sample, "Features/Tokens/Basics.feature");

    [Test]
    public void Gives_one_scenario_per_pickle_in_file_order()
    {
        var feature = Load();

        feature.ParseError.Should().BeNull();
        feature.Scenarios.Select(s => s.PickleIndex).Should().Equal(0, 1, 2, 3, 4);
        feature.Scenarios.Select(s => s.TestName).Should().Equal(
            "Token endpoint: basics — Issue a token",
            "Token endpoint: basics — Refuse password for {a} brand [password, BRAND1, 200]",
            "Token endpoint: basics — Refuse refresh for {a} brand [refresh, BRAND2, 400]",
            "Token endpoint: basics — Issue a token #2",
            "Token endpoint: basics — Cross-brand read");
    }

    [Test]
    public void Describes_the_feature_for_reports_and_for_Reqnroll()
    {
        var feature = Load();

        feature.Title.Should().Be("Token endpoint: basics");
        feature.ClassName.Should().Be("TokenEndpointBasics");
        feature.Description.Should().Be("Why the rule exists,\nand where it comes from.");
        feature.Tags.Should().Equal("tokens", "TE-01");
        feature.Info!.Title.Should().Be("Token endpoint: basics");
        feature.Info.FolderPath.Should().Be("Features/Tokens");
        feature.Info.Tags.Should().Equal("tokens", "TE-01");
        feature.Messages!.HasMessages.Should().BeTrue();
        feature.Messages!.Pickles.Should().HaveCount(5);
        feature.Messages!.Source.Uri.Should().Be("Features/Tokens/Basics.feature");
    }

    [Test]
    public void Splits_own_tags_from_inherited_ones_and_categorises_with_all()
    {
        var scenarios = Load().Scenarios;

        scenarios[0].Tags.Should().BeEmpty();
        scenarios[0].InheritedTags.Should().Equal("tokens", "TE-01");
        scenarios[1].Tags.Should().Equal("outline", "smoke");
        scenarios[2].Tags.Should().Equal("outline");
        scenarios[4].Tags.Should().Equal("ignore", "serial");
        scenarios[4].InheritedTags.Should().Equal("tokens", "TE-01", "BK-06");
        scenarios[4].AllTags.Should().Equal("ignore", "serial", "tokens", "TE-01", "BK-06");
        scenarios[4].IsIgnored.Should().BeTrue();
        scenarios[4].IsSerial.Should().BeTrue();
        scenarios[0].IsIgnored.Should().BeFalse();
    }

    [Test]
    public void Gives_an_examples_row_its_arguments_and_substituted_steps()
    {
        var row = Load().Scenarios[2];

        row.Title.Should().Be("Refuse refresh for {a} brand");
        row.Arguments.Should().Equal(new Dictionary<string, string>
        {
            ["grant"] = "refresh", ["brand"] = "BRAND2", ["status"] = "400",
        });
        row.Arguments.Keys.Should().Equal("grant", "brand", "status");
        row.Steps.Select(s => s.ToString()).Should().Equal(
            "Given the sandbox is running",
            "When the client asks with refresh",
            "* the brand is \"BRAND2\"",
            "Then the answer is 400");
        // Gherkin leaves a '*' step untyped: it continues the block before it (Reqnroll's And).
        row.Steps.Select(s => s.Kind).Should().Equal(StepKind.Given, StepKind.When, StepKind.And, StepKind.Then);
    }

    [Test]
    public void Puts_the_feature_and_rule_backgrounds_before_a_rule_scenario()
    {
        var scenario = Load().Scenarios[4];

        scenario.Rule!.Title.Should().Be("A token works only for its brand");
        scenario.Rule.Tags.Should().Equal("BK-06");
        scenario.Steps.Select(s => s.ToString()).Should().Equal(
            "Given the sandbox is running",
            "Given a token of BRAND1",
            "When it reads BRAND2 data",
            "But nothing is disclosed");
        scenario.Steps[3].Kind.Should().Be(StepKind.When);
    }

    [Test]
    public void Carries_tables_and_doc_strings()
    {
        var steps = Load().Scenarios[3].Steps;

        var table = steps[1].CreateTable()!;
        table.Header.Should().Equal("name", "value");
        table.Rows.Single()["value"].Should().Be("1");
        steps[2].DocString.Should().Be("line one\nline two");
        steps[1].CreateTable().Should().NotBeSameAs(table, "bindings may change the table they get");
    }

    [Test]
    public void Reports_a_malformed_file_with_its_path_and_the_parser_message()
    {
        var feature = GherkinFeatureLoader.Load("Feature: Broken\n  Scenario: x\n    Given y\n  Examples oops\n", "Features/Broken.feature");

        feature.Scenarios.Should().BeEmpty();
        feature.Info.Should().BeNull();
        feature.ParseError.Should().StartWith("Gherkin parse error: Features/Broken.feature: ").And.Contain("(4:3)");
        feature.ClassName.Should().Be("Broken");
    }

    [Test]
    public void Reports_a_file_without_a_feature()
    {
        GherkinFeatureLoader.Load("# only a comment\n", "Features/Empty.feature").ParseError
            .Should().Be("Gherkin parse error: Features/Empty.feature: the file holds no Feature");
    }

    [TestCase("Parallel A", "ParallelA")]
    [TestCase("token endpoint — refresh (RFC 6749 §6)", "TokenEndpointRefreshRFC67496")]
    [TestCase("2 brands", "Feature2Brands")]
    [TestCase("???", "Feature")]
    public void Makes_fixture_names_identifiers(string title, string identifier) =>
        GherkinFeatureLoader.ToIdentifier(title).Should().Be(identifier);

    [Test]
    public void Keeps_message_ids_unique_across_features()
    {
        var one = GherkinFeatureLoader.Load(Sample, "Features/One.feature").Messages!;
        var two = GherkinFeatureLoader.Load(Sample, "Features/Two.feature").Messages!;

        one.Pickles.Select(p => p.Id).Should().NotIntersectWith(two.Pickles.Select(p => p.Id));
    }
}
