using Rator.Sandbox;
using Rator.SuiteRuns;

namespace Rator.VariantMatrix.Tests;

/// <summary>The matrix's runs: the full suite against the plain sandbox, each variant alone, and all of them ("all", as a user would ask).</summary>
public static class VariantRuns
{
    public static SuiteRunRequest Plain { get; } = new("plain", null);

    /// <summary>Every variant of the catalogue, then "all".</summary>
    public static IReadOnlyList<string> Variants { get; } =
        [.. SandboxVariantCatalog.All.Select(v => v.Name), DeservedVerdicts.AllVariants];

    public static SuiteRunRequest Of(string variant) =>
        new(variant == DeservedVerdicts.AllVariants ? "all-variants" : "variant-" + variant, null) { Variants = [variant] };
}
