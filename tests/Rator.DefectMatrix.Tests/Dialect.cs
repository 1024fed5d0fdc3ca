using Rator.Sandbox;
using Rator.SuiteRuns;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// The sandbox a defect is planted in. Plain is the sandbox as it ships; "all variants" answers every case
/// the way another compliant OAuth stack does (RATOR_SANDBOX_VARIANTS), so a defect caught in both is caught
/// by the promise, not by the sandbox's own shapes. A defect that cannot coexist with a variant
/// (SandboxVariantCatalog.Conflicts, with the reason) runs with every other variant, and is judged against a
/// compliant run with exactly those variants: the baseline always differs from the defect run by the defect alone.
/// </summary>
public sealed class Dialect
{
    public static readonly Dialect Plain = new("plain sandbox", "", withVariants: false);
    public static readonly Dialect AllVariants = new("all variants", "all-variants-", withVariants: true);

    public static IReadOnlyList<Dialect> Both { get; } = [Plain, AllVariants];

    public const string SelectionVariable = "RATOR_MATRIX_DIALECTS";

    /// <summary>
    /// The dialects this session runs: both by default; RATOR_MATRIX_DIALECTS=plain or =all-variants runs one (to
    /// reproduce a dialect's result in half the time). The other dialect's tests are then ignored, saying why.
    /// </summary>
    public static IReadOnlyList<Dialect> Selected()
    {
        var text = Environment.GetEnvironmentVariable(SelectionVariable);
        if (string.IsNullOrWhiteSpace(text)) return Both;
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => Both.All(d => d.Key != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"{SelectionVariable}={text} names no dialect ({string.Join(", ", unknown)}); known: {string.Join(", ", Both.Select(d => d.Key))}.");
        return Both.Where(d => names.Contains(d.Key)).ToList();
    }

    /// <summary>The dialect's name in RATOR_MATRIX_DIALECTS.</summary>
    public string Key => _withVariants ? "all-variants" : "plain";

    private readonly bool _withVariants;

    private Dialect(string name, string labelPrefix, bool withVariants)
    {
        Name = name;
        LabelPrefix = labelPrefix;
        _withVariants = withVariants;
    }

    public string Name { get; }

    /// <summary>Prefixes every run label of this dialect, so both dialects' runs share one queue and one runs/ folder.</summary>
    public string LabelPrefix { get; }

    /// <summary>What the score line says after "caught N of N".</summary>
    public string ScoreSuffix => _withVariants ? " with all variants" : "";

    /// <summary>The variants that cannot run beside the defect, by name (none in the plain dialect).</summary>
    public IReadOnlyList<string> Without(SandboxDefect defect) => _withVariants
        ? SandboxVariantCatalog.Conflicts.Where(c => c.Defect == defect.Name).Select(c => c.Variant).Distinct().Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>
    /// The defect's own run: only its requirement's scenarios (and, for a defect seen over the whole run, those of the
    /// requirements that provoke what it breaks, <see cref="DefectsSeenOverTheWholeRun"/>), the requirement promoted to gating.
    /// </summary>
    public SuiteRunRequest DefectRun(SandboxDefect defect) =>
        new(LabelPrefix + defect.Name, DefectsSeenOverTheWholeRun.Selection(defect.Name, defect.RequirementId))
        {
            Defects = [defect.Name],
            Variants = VariantsFor(defect),
            GatingRequirements = [defect.RequirementId],
        };

    /// <summary>
    /// The compliant run a defect is judged against. With every variant: the full suite. With a variant left
    /// out: only the requirements of the defects that leave out the same variants, which is all their judgement reads.
    /// </summary>
    public SuiteRunRequest BaselineFor(SandboxDefect defect, IReadOnlyList<SandboxDefect> defects)
    {
        var without = Without(defect);
        if (without.Count == 0)
            return new SuiteRunRequest(_withVariants ? "compliant-all-variants" : "compliant", null) { Variants = VariantsFor(defect) };
        var sharing = defects.Where(d => Without(d).SequenceEqual(without)).Select(d => d.RequirementId).Distinct().Order(StringComparer.Ordinal);
        return new SuiteRunRequest($"compliant-all-variants-without-{string.Join("-", without)}", string.Join(" or ", sharing.Select(id => "@" + id)))
        {
            Variants = VariantsFor(defect),
        };
    }

    /// <summary>Every distinct baseline of this dialect, the full-suite one first.</summary>
    public IReadOnlyList<SuiteRunRequest> Baselines(IReadOnlyList<SandboxDefect> defects) =>
        defects.Select(d => BaselineFor(d, defects)).DistinctBy(r => r.Label).OrderBy(r => r.IsFullSuite ? 0 : 1).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();

    private IReadOnlyList<string> VariantsFor(SandboxDefect defect)
    {
        if (!_withVariants) return [];
        var without = Without(defect);
        // "all" as a user would type it when nothing is left out, so the run proves that spelling too.
        return without.Count == 0
            ? ["all"]
            : SandboxVariantCatalog.All.Select(v => v.Name).Where(n => !without.Contains(n)).ToList();
    }

    public override string ToString() => Name;
}
