using Rator.Sandbox;
using Rator.SuiteRuns;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// The one defect run against the full suite in each matrix. Defect runs select only their requirement's
/// scenarios (fast, but blind to collateral failures); the full-suite run shows that a defect is caught
/// by its own requirement and fails no unrelated scenario beyond those CollateralFailures declares. Rotating by day of the year covers every
/// defect over time at the cost of one run a day; RATOR_MATRIX_FULL_SUITE_DEFECT picks one to reproduce.
/// </summary>
public static class FullSuiteDefect
{
    public const string OverrideVariable = "RATOR_MATRIX_FULL_SUITE_DEFECT";

    /// <summary>The run: the whole suite in the plain sandbox with the defect on and its requirement gating.</summary>
    public static SuiteRunRequest RunOf(SandboxDefect defect) =>
        new($"full-suite-{defect.Name}", null) { Defects = [defect.Name], GatingRequirements = [defect.RequirementId] };

    public static (SandboxDefect Defect, string Why) Choose(IReadOnlyList<SandboxDefect> defects, DateTime today)
    {
        var requested = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var named = defects.FirstOrDefault(d => d.Name.Equals(requested.Trim(), StringComparison.OrdinalIgnoreCase))
                        ?? throw new ArgumentException($"{OverrideVariable}={requested} names no defect; known: {string.Join(", ", defects.Select(d => d.Name))}");
            return (named, $"chosen by {OverrideVariable}");
        }
        var index = (today.DayOfYear - 1) % defects.Count;
        return (defects[index], $"day {today.DayOfYear} of the year, defect {index + 1} of {defects.Count}");
    }
}
