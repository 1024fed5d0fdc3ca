namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Defects of a rule judged over every answer of the run (@whole-run), whose broken answers come from other
/// requirements' scenarios: a run selecting the requirement's own scenarios would not contain them, so such a defect's
/// run also selects the requirements that provoke those answers, said here with the reason. It is still caught only by
/// its own requirement's scenario, which judges every answer the run recorded.
/// </summary>
public static class DefectsSeenOverTheWholeRun
{
    /// <param name="AlsoSelected">the requirements whose scenarios provoke the answers the defect breaks.</param>
    public sealed record Provoked(IReadOnlyList<string> AlsoSelected, string Reason);

    public static IReadOnlyDictionary<string, Provoked> ByDefect { get; } = new Dictionary<string, Provoked>(StringComparer.OrdinalIgnoreCase)
    {
        ["brand-refusal-cache-headers-missing"] = new(["BK-01", "BK-02"],
            "TE-10 judges every refusal of the run; refusals of the brand come from BK-01's and BK-02's scenarios, not from TE-10's own."),
        ["missing-parameter-description-quoted"] = new(["ER-02", "CC-04"],
            "ER-03 judges every refusal of the run; refusals of a missing parameter come from ER-02's and CC-04's scenarios, not from ER-03's own."),
    };

    /// <summary>The tag expression of the defect's run: its requirement, and those that provoke what it breaks.</summary>
    public static string Selection(string defect, string requirement) =>
        string.Join(" or ", new[] { requirement }.Concat(ByDefect.TryGetValue(defect, out var provoked) ? provoked.AlsoSelected : []).Select(id => "@" + id));
}
