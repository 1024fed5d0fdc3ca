namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Defects of a rule judged over every answer of the run (@whole-run), whose broken answers come from other
/// requirements' scenarios: a run selecting the requirement's own scenarios would not contain them, so such a defect's
/// run is the whole suite (about twice a targeted run's time). It is still caught only by its own requirement's scenario.
/// </summary>
public static class DefectsSeenOverTheWholeRun
{
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["brand-refusal-cache-headers-missing"] =
            "TE-10 judges every refusal of the run; refusals of the brand come from BK-01's and BK-02's scenarios, not from TE-10's own.",
        ["missing-parameter-description-quoted"] =
            "ER-03 judges every refusal of the run; refusals of a missing parameter come from ER-01's, ER-02's and CC-04's scenarios, not from ER-03's own.",
    };
}
