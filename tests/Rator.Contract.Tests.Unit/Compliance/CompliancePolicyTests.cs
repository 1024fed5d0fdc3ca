using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Unit.Compliance;

public sealed class CompliancePolicyTests
{
    private static CompliancePolicy Policy(string[]? gating = null, Dictionary<string, string>? known = null) =>
        new(RequirementCatalogue.Default, gating ?? [], known ?? new Dictionary<string, string>());

    [Test]
    public void The_catalogue_holds_the_seventy_requirements_in_ten_areas()
    {
        RequirementCatalogue.Default.All.Should().HaveCount(70);
        RequirementCatalogue.Default.All.Select(r => r.Id[..2]).Distinct().Should().HaveCount(10);
        RequirementCatalogue.Default.All.Select(r => r.SourceGroup).Distinct()
            .Should().BeEquivalentTo("Vendor contract", "RFC", "Security best practice", "Documented examples");
    }

    [TestCase("PW-03", JudgementKind.Fail, TestName = "A violated MUST fails")]
    [TestCase("BK-06", JudgementKind.Fail, TestName = "A violated vendor-doc promise fails")]
    [TestCase("CC-02", JudgementKind.Warn, TestName = "A violated SHOULD NOT warns")]
    [TestCase("PW-02", JudgementKind.Warn, TestName = "A violated BCP-MUST warns")]
    [TestCase("SH-01", JudgementKind.Warn, TestName = "Every security-hardening row warns by default")]
    [TestCase("RS-06", JudgementKind.Warn, TestName = "Of two strengths the weaker decides")]
    [TestCase("DC-02", JudgementKind.Warn, TestName = "A documentation finding warns")]
    [TestCase("DC-06", JudgementKind.Fail, TestName = "The vendor-doc resource example fails")]
    public void A_violation_is_judged_by_the_requirement_strength(string id, JudgementKind expected) =>
        Policy().Judge(["resources", id], violated: true, "boom").Kind.Should().Be(expected);

    [Test]
    public void An_advisory_scenario_only_warns() =>
        Policy().Judge(["BK-03", "advisory"], violated: true, "form refused").Kind.Should().Be(JudgementKind.Warn);

    [Test]
    public void The_environment_can_promote_a_requirement_to_gating()
    {
        Policy(gating: ["CC-02"]).Judge(["CC-02"], true, "refresh token issued").Kind.Should().Be(JudgementKind.Fail);
        Policy(gating: ["*"]).Judge(["SH-01", "advisory"], true, "uuid").Kind.Should().Be(JudgementKind.Fail);
    }

    [Test]
    public void A_known_issue_warns_while_present_and_is_reported_when_it_appears_fixed()
    {
        var policy = Policy(known: new() { ["BK-06"] = "RATOR-42" });
        var present = policy.Judge(["BK-06"], true, "data of BRAND2 returned");
        present.Kind.Should().Be(JudgementKind.Warn);
        present.Note.Should().Contain("RATOR-42").And.Contain("data of BRAND2 returned");

        var fixedNow = policy.Judge(["BK-06"], false, null);
        fixedNow.Kind.Should().Be(JudgementKind.Pass);
        fixedNow.Note.Should().Be("Known issue appears fixed: BK-06 RATOR-42");
    }

    [Test]
    public void A_scenario_without_requirement_gates() =>
        Policy().Judge(["smoke"], true, "x").Kind.Should().Be(JudgementKind.Fail);
}

public sealed class WordingPolicyTests
{
    private static CompliancePolicy Policy(string[]? gating = null) =>
        new(RequirementCatalogue.Default, gating ?? [], new Dictionary<string, string>());

    [Test]
    public void A_wording_deviation_of_a_gating_requirement_warns_and_names_the_clause()
    {
        var judgement = Policy().Judge(["TE-05", "wording"], violated: true, "Expected invalid_client, but the deployment answered 400 invalid_request.");

        judgement.Kind.Should().Be(JudgementKind.Warn);
        judgement.Note.Should().StartWith("Expected invalid_client").And.Contain("Only the wording differs from TE-05: RFC 6749 §5.2");
    }

    [Test]
    public void A_promoted_requirement_gates_its_wording_too() =>
        Policy(gating: ["TE-05"]).Judge(["TE-05", "wording"], true, "boom").Kind.Should().Be(JudgementKind.Fail);

    [Test]
    public void Every_requirement_states_its_promise_and_every_gating_one_what_else_is_accepted_or_none()
    {
        RequirementCatalogue.Default.All.Should().OnlyContain(r => r.Promise.Length > 10);
        RequirementCatalogue.Default.All.Should().OnlyContain(r => r.Accepted != null);
    }
}
