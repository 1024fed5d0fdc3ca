using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Cli;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Cli;

/// <summary>
/// `-List` matches every listed step against the suite's own bindings: a phrase that chooses behaviour (a mistake, a
/// bad client, a strange brand key, a forbidden operator) is a bound type, so a misspelt one is named by the listing
/// and fails it, rather than failing a run half-way through.
/// </summary>
public sealed class ScenarioListingTests
{
    private const string Feature = """
        Feature: Phrases

          Scenario: A wrong password is refused
            Given a customer of the home brand
            When they make a token request with a wrong password
            Then no token is issued

          Scenario: A bad client is refused
            Given a customer of the home brand
            When they sign in while the client presents <credentials>
            Then the client is refused as unauthenticated

            Examples:
              | credentials                       |
              | a wrong secret                    |
              | the identity of an unknown client |

          Scenario: A strange brand key is refused
            Given a customer of the home brand
            When they ask for a token naming a brand key with SQL in it
            Then no token is issued

          Scenario: An application may not act for a forbidden operator
            Given the primary client acting for no operator at all
            When it asks for a token with its client credentials
            Then no token is issued
        """;

    [TestCase("When they make a token request with a wrong pasword")]
    [TestCase("When they sign in while the client presents an emtpy secret")]
    [TestCase("When they ask for a token naming a brand key with SQL")]
    [TestCase("Given the primary client acting for an operator that does not exists")]
    [TestCase("Given a caller ready to use the pasword grant")]
    [TestCase("When they sign in with a wrong pasword")]
    public void A_misspelt_phrase_is_named_by_the_listing_and_fails_it(string misspelt)
    {
        var features = Features(Feature + $"""


              Scenario: A misspelt phrase
                Given a customer of the home brand
                {misspelt}
                Then no token is issued
            """);
        var output = new StringWriter();

        var exit = ScenarioListing.Print(features, tags: null, output);

        exit.Should().Be(ExitCodes.ConfigurationError, output.ToString());
        output.ToString().Should().Contain("1 steps match no step definition, or more than one:")
            .And.Contain($"Features/Phrases.feature: Phrases — A misspelt phrase: {misspelt} (unbound");
    }

    [Test]
    public void The_listing_names_the_phrase_its_type_does_not_know()
    {
        var output = new StringWriter();

        ScenarioListing.Print(Features(Feature.Replace("a brand key with SQL in it", "a brand key with SQL")), tags: null, output);

        output.ToString().Should().Contain(
            "A strange brand key is refused: When they ask for a token naming a brand key with SQL (unbound: \"a brand key with SQL\" is no phrase its parameter type knows)");
    }

    [Test]
    public void Every_phrase_spelt_as_the_glossary_has_it_is_bound()
    {
        var output = new StringWriter();

        var exit = ScenarioListing.Print(Features(Feature), tags: null, output);

        exit.Should().Be(0, output.ToString());
        output.ToString().Should().EndWith($"5 scenarios selected.{Environment.NewLine}");
    }

    [Test]
    public void Every_step_of_the_suite_is_bound()
    {
        FeatureCatalog.Features.Should().NotBeEmpty("the suite's feature files are copied next to these tests");
        StepBindingCheck.Check(FeatureCatalog.Features.SelectMany(f => f.Scenarios.Select(s => (f, s))))
            .Select(step => step.ToString()).Should().BeEmpty();
    }

    private static IReadOnlyList<FeatureSpec> Features(string text) =>
        [GherkinFeatureLoader.Load(text.Replace("\r\n", "\n"), "Features/Phrases.feature")];
}
