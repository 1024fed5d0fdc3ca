namespace Rator.DefectMatrix.Tests;

/// <summary>
/// The requirements of the catalogue that no sandbox defect breaks, each with the reason a black-box run
/// against the sandbox could not show the suite catching it. The coverage check keeps this list honest:
/// a requirement missing from both the defects and this list fails it, and so does one listed here once
/// a defect for it exists.
/// </summary>
public static class RequirementsWithoutDefect
{
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["TE-11"] = "Brute-force protection for client authentication: an intrusive, advisory burst of wrong secrets whose miss is a finding for review (\"else REVIEW\"), never a contract failure; the sandbox has no switch that stops throttling.",
        ["PW-05"] = "Brute-force protection for the password grant: an intrusive, advisory burst of wrong passwords whose miss is a finding for review (\"else REVIEW\"); the sandbox has no switch that stops throttling.",
        ["SH-06"] = "Concurrency robustness: an intrusive burst of parallel grants and refreshes; breaking it on purpose would need a sandbox that fails only under load, which a deterministic defect switch cannot promise.",
        ["SH-07"] = "Resistance to token guessing: an intrusive burst of made-up tokens, a threat-model row recorded for information; no defect switch makes random tokens valid.",
        ["PW-02"] = "Whether the password grant is offered at all: the vendor's contract is the grant's existence, so the compliant sandbox already 'breaks' this best-current-practice row (a warning in every run).",
        ["PW-07"] = "User credentials in the query string: the vendor's own documented example (DC-01) requires the query form to work, so the compliant sandbox already accepts it (a warning in every run); a defect cannot break it further.",
        ["DC-08"] = "The register of documentation findings: it records defects of the vendor's pages, nothing a deployment does.",
    };
}
