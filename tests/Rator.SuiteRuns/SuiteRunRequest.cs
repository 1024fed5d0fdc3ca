namespace Rator.SuiteRuns;

/// <summary>
/// One run of the suite in its own process: the whole suite or a Cucumber tag expression, against the
/// embedded sandbox with the named defects and variants switched on (RATOR_SANDBOX_DEFECTS,
/// RATOR_SANDBOX_VARIANTS) and the named requirements promoted to gating (RATOR_POLICY_GATING).
/// The label names the run in progress lines and its report folder, so it is unique within a matrix.
/// </summary>
public sealed record SuiteRunRequest(string Label, string? Tags)
{
    public IReadOnlyList<string> Defects { get; init; } = [];

    /// <summary>Variant names, or ["all"] for the whole catalogue as a user would ask for it.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    public IReadOnlyList<string> GatingRequirements { get; init; } = [];

    public bool IsFullSuite => Tags is null;

    public override string ToString() =>
        string.Join(", ", new[]
        {
            Defects.Count == 0 ? "no defect" : "defect " + string.Join(",", Defects),
            Variants.Count == 0 ? null : "variants " + string.Join(",", Variants),
            Tags is null ? "full suite" : "tags " + Tags,
        }.Where(p => p is not null));
}
