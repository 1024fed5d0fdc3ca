using Rator.Sandbox;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// One run of the suite in its own process: against the compliant sandbox or with one defect switched on,
/// the whole suite or only the scenarios of one requirement (a Cucumber tag expression).
/// </summary>
public sealed record SuiteRunRequest(string Label, SandboxDefect? Defect, string? Tags)
{
    public static SuiteRunRequest CompliantFullSuite() => new("compliant", null, null);

    public static SuiteRunRequest FullSuiteWith(SandboxDefect defect) => new($"full-suite-{defect.Name}", defect, null);

    /// <summary>Only the scenarios that prove the defect's requirement: a fraction of the full run's time.</summary>
    public static SuiteRunRequest RequirementScenariosWith(SandboxDefect defect) => new(defect.Name, defect, "@" + defect.RequirementId);

    public bool IsFullSuite => Tags is null;

    public override string ToString() =>
        $"{(Defect is null ? "compliant sandbox" : "defect " + Defect.Name)}, {(Tags is null ? "full suite" : "tags " + Tags)}";
}
