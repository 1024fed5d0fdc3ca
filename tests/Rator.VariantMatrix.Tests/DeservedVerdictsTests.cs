using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Sandbox;

namespace Rator.VariantMatrix.Tests;

/// <summary>The DeservedVerdicts table is well formed, so an entry can only excuse what it says (no suite run needed).</summary>
[TestFixture]
public sealed class DeservedVerdictsTests
{
    [Test]
    public void Every_entry_names_a_variant_of_the_catalogue_or_all()
    {
        var names = SandboxVariantCatalog.All.Select(v => v.Name).Append(DeservedVerdicts.AllVariants).ToHashSet(StringComparer.Ordinal);
        DeservedVerdicts.All.Where(d => !names.Contains(d.Variant)).Select(d => d.ToString())
            .Should().BeEmpty("an entry for an unknown variant applies to no run (see --list-variants)");
    }

    [Test]
    public void No_entry_deserves_a_failure()
    {
        DeservedVerdicts.All.Where(d => !VerdictOrder.Deservable.Contains(d.Verdict)).Select(d => d.ToString())
            .Should().BeEmpty($"a compliant variant deserves at worst one of {string.Join(", ", VerdictOrder.Deservable)}, never a failure");
    }

    [Test]
    public void Every_entry_has_a_reason_and_is_declared_once()
    {
        DeservedVerdicts.All.Where(d => string.IsNullOrWhiteSpace(d.Reason)).Select(d => d.ToString()).Should().BeEmpty("the matrix prints why a verdict is deserved");
        DeservedVerdicts.All.GroupBy(d => (d.Variant, d.Scenario)).Where(g => g.Count() > 1).Select(g => g.Key.ToString())
            .Should().BeEmpty("one verdict per variant and scenario");
    }

    [Test]
    public void A_requirement_entry_names_a_requirement_of_the_catalogue()
    {
        // IDs look like PW-02; anything else is a scenario title, matched as the feature file words it.
        var ids = RequirementCatalogue.Default.All.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        DeservedVerdicts.All.Where(d => System.Text.RegularExpressions.Regex.IsMatch(d.Scenario, @"^[A-Z]{2}-\d{2}$") && !ids.Contains(d.Scenario))
            .Select(d => d.ToString()).Should().BeEmpty("the entry would match no scenario");
    }
}
