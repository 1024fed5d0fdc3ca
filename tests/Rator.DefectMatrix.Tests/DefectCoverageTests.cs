using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Sandbox;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Every requirement of the catalogue has a defect that breaks it, or an explicit reason
/// in <see cref="RequirementsWithoutDefect"/> why a black-box run cannot show it being caught.
/// </summary>
[TestFixture]
public sealed class DefectCoverageTests
{
    private static readonly HashSet<string> Catalogue =
        RequirementCatalogue.Default.All.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Broken =
        SandboxDefectCatalog.All.Select(d => d.RequirementId).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Test]
    public void Every_requirement_has_a_defect_or_a_reason_for_none()
    {
        var neither = Catalogue.Where(id => !Broken.Contains(id) && !RequirementsWithoutDefect.Reasons.ContainsKey(id)).Order().ToList();
        neither.Should().BeEmpty("each requirement needs a sandbox defect that breaks it, or its reason in RequirementsWithoutDefect");
    }

    [Test]
    public void No_requirement_is_excused_although_a_defect_breaks_it()
    {
        var excused = RequirementsWithoutDefect.Reasons.Keys.Where(Broken.Contains).Order().ToList();
        excused.Should().BeEmpty("a defect now breaks these requirements, so their entry in RequirementsWithoutDefect is out of date");
    }

    [Test]
    public void Every_excused_requirement_is_in_the_catalogue()
    {
        RequirementsWithoutDefect.Reasons.Keys.Where(id => !Catalogue.Contains(id)).Should()
            .BeEmpty("RequirementsWithoutDefect may only name requirements of Support/Compliance/requirements.json");
    }

    [Test]
    public void Every_defect_breaks_a_requirement_of_the_catalogue()
    {
        // A defect naming an unknown requirement could never be caught: no scenario carries its tag.
        SandboxDefectCatalog.All.Where(d => !Catalogue.Contains(d.RequirementId)).Select(d => $"{d.Name} → {d.RequirementId}")
            .Should().BeEmpty("the matrix judges a defect by the requirement ID in the failing scenario's tags");
    }

    [Test]
    public void Every_defect_seen_over_the_whole_run_exists()
    {
        var names = SandboxDefectCatalog.All.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        DefectsSeenOverTheWholeRun.ByDefect.Keys.Where(name => !names.Contains(name)).Should()
            .BeEmpty("DefectsSeenOverTheWholeRun may only name defects of the sandbox's catalogue");
    }

    [Test]
    public void Declared_collateral_names_known_defects_and_other_requirements()
    {
        var defects = SandboxDefectCatalog.All.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var wrong = CollateralFailures.ByDefect
            .SelectMany(entry => defects.TryGetValue(entry.Key, out var defect)
                ? entry.Value.Requirements
                    .Where(id => !Catalogue.Contains(id) || id.Equals(defect.RequirementId, StringComparison.OrdinalIgnoreCase))
                    .Select(id => $"{entry.Key} → {id}")
                : [$"{entry.Key}: no such defect"])
            .ToList();
        wrong.Should().BeEmpty("CollateralFailures lists, per existing defect, requirements of the catalogue other than the one it breaks");
    }
}
