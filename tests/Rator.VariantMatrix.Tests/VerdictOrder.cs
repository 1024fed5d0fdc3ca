using Rator.Contract.Tests.Support.Reporting;

namespace Rator.VariantMatrix.Tests;

/// <summary>
/// How much a verdict proves, best first: PASSED &gt; WARNING &gt; NOT_APPLICABLE &gt; SKIPPED &gt; FAILED = ERROR.
/// A warning still ran every check and names the one deviation; not applicable is the environment's own
/// declaration that the feature is absent, so nothing was left unproven that exists; skipped means the
/// scenario could not run (a role the environment lacks, a wait beyond the cap), so coverage was lost
/// without the deployment saying so. A scenario that did not run at all (absent from summary.json)
/// ranks below skipped. Failures gate on their own; here they only rank last.
/// </summary>
public static class VerdictOrder
{
    public const string Absent = "absent";

    public static int Rank(string verdict) => verdict switch
    {
        Verdicts.Passed => 4,
        Verdicts.Warning => 3,
        Verdicts.NotApplicable => 2,
        Verdicts.Skipped => 1,
        Absent => 0,
        _ => -1,
    };

    public static bool IsWorse(string verdict, string than) => Rank(verdict) < Rank(than);

    /// <summary>The verdicts a variant can deserve: never a failure, which a compliant deployment never deserves.</summary>
    public static IReadOnlyList<string> Deservable { get; } = [Verdicts.Warning, Verdicts.NotApplicable, Verdicts.Skipped];
}
