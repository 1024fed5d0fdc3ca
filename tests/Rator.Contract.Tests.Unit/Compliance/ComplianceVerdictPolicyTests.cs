using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Compliance;

public sealed class ComplianceVerdictPolicyTests
{
    private const string Secret = "Distinctive-Secret-9";
    private readonly SecretRedactor _redactor = new();

    [SetUp]
    public void KnowTheSecret() => _redactor.RegisterSecret(Secret);

    private ComplianceVerdictPolicy Policy() => new(CompliancePolicy.Default, RequirementCatalogue.Default, _redactor);

    private static ScenarioRunInfo Scenario(params string[] tags) => new()
    {
        Id = "x", FeatureTitle = "Brand", FeatureFile = "Features/Brand.feature", ScenarioTitle = "s", TestName = "Brand — s",
        TestFullName = "Rator.Brand.s", Tags = tags, InheritedTags = [], Arguments = new Dictionary<string, string>(),
        Steps = [], Start = DateTimeOffset.UtcNow,
    };

    [Test]
    public void A_failure_names_the_requirement_it_breaks_and_hides_secrets()
    {
        var disposition = Policy().Decide(Scenario("BK-06"), new AssertionException($"Expected 403 but the body echoed {Secret}"));

        var failed = disposition.Should().BeOfType<ScenarioDisposition.Failed>().Subject;
        failed.Error.Should().BeOfType<ContractFailureException>();
        failed.Error.Message.Should().StartWith("Breaks BK-06 Token bound to brand").And.NotContain(Secret);
    }

    [Test]
    public void A_missing_role_skips_with_its_reason() =>
        Policy().Decide(Scenario("RT-03"), new MissingRoleException("second client", "clients.second", "staging"))
            .Should().BeOfType<ScenarioDisposition.Skipped>();

    [Test]
    public void An_advisory_finding_only_warns_even_for_a_gating_requirement() =>
        Policy().Decide(Scenario("BK-03"), new AdvisoryFindingException("brandKey in the query refused"))
            .Should().BeOfType<ScenarioDisposition.Warned>();

    [Test]
    public void An_error_that_is_no_assertion_stays_an_error() =>
        Policy().Decide(Scenario("PW-01"), new InvalidOperationException("setup got no token"))
            .Should().BeOfType<ScenarioDisposition.Failed>().Which.Error.Should().BeOfType<SuiteErrorException>();

    [TestCase("RT-06")]
    [TestCase("RT-06", "wording")]
    [TestCase("RT-07")]
    public void A_scenario_not_judged_is_an_error_that_breaks_nothing_whatever_its_requirement(params string[] tags)
    {
        var disposition = Policy().Decide(Scenario(tags), new ScenarioNotJudgedException($"The token {Secret} came without a refresh token"));

        var failed = disposition.Should().BeOfType<ScenarioDisposition.Failed>("nothing was judged, so nothing may pass or merely warn").Subject;
        failed.Error.Should().BeOfType<ScenarioNotJudgedException>();
        failed.Error.Message.Should().StartWith("The token").And.NotContain("Breaks").And.NotContain(Secret);
    }

    [Test]
    public void Not_applicable_passes_through() =>
        Policy().Decide(Scenario("CC-01"), new ScenarioNotApplicableException("no client credentials"))
            .Should().BeOfType<ScenarioDisposition.NotApplicableByDesign>();

    [Test]
    public void A_departure_from_a_declared_choice_gates_an_advisory_requirement_and_a_wording_scenario()
    {
        var broken = Declared();

        Policy().Decide(Scenario("RT-07"), broken).Should().BeOfType<ScenarioDisposition.Failed>()
            .Which.Error.Message.Should().Contain("departs from what its environment file declares").And.Contain("tokenEndpoint.refreshTokenRotation");
        Policy().Decide(Scenario("RT-07", "wording"), broken).Should().BeOfType<ScenarioDisposition.Failed>();
        Policy().Decide(Scenario("BK-03", "advisory"), broken).Should().BeOfType<ScenarioDisposition.Failed>();
    }

    [Test]
    public void A_known_issue_still_softens_a_departure_from_a_declared_choice()
    {
        var policy = new ComplianceVerdictPolicy(
            new CompliancePolicy(RequirementCatalogue.Default, [], new Dictionary<string, string> { ["RT-07"] = "RATOR-77 rotation switched off" }),
            RequirementCatalogue.Default, _redactor);

        policy.Decide(Scenario("RT-07"), Declared()).Should().BeOfType<ScenarioDisposition.Warned>()
            .Which.Message.Should().Contain("RATOR-77");
    }

    [Test]
    public void A_pass_says_what_a_whole_run_rule_judged()
    {
        var policy = new ComplianceVerdictPolicy(CompliancePolicy.Default, RequirementCatalogue.Default, _redactor,
            judged: () => new JudgedAnswers("token-endpoint refusals", 214, 131));

        policy.Decide(Scenario("ER-03"), null).Should().BeOfType<ScenarioDisposition.Passed>()
            .Which.Note.Should().Be("Passed: judged 214 token-endpoint refusals from 131 scenarios.");
    }

    private static DeclaredChoiceBrokenException Declared()
    {
        try
        {
            Rator.Contract.Tests.Support.Assertions.DeclaredChoice.Holds(
                Rator.Contract.Tests.Support.Actors.DeclarationReading.OfChoice("that refresh tokens are kept across renewals", "tokenEndpoint.refreshTokenRotation"),
                () => throw new AssertionException("Expected a token to be issued, but the deployment answered 400 invalid_grant."));
        }
        catch (DeclaredChoiceBrokenException broken)
        {
            return broken;
        }

        throw new InvalidOperationException("DeclaredChoice.Holds let a failed check through");
    }
}
