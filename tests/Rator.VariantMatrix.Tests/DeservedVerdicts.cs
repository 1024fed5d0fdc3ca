using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.VariantMatrix.Tests;

/// <summary>
/// The verdicts a compliant variant deserves although they are worse than the plain sandbox's, each with
/// its reason (the matrix prints every one that applied, and every one that no longer happens as STALE).
/// Scenario is a requirement ID (every scenario tagged with it) or a scenario's title as the feature file
/// words it. An entry for a variant applies to its own run and to the all-variants run; an entry for
/// "all" to the all-variants run only. A failure is never deserved: a compliant deployment must pass.
/// </summary>
public static class DeservedVerdicts
{
    public const string AllVariants = "all";

    public sealed record Deserved(string Variant, string Scenario, string Verdict, string Reason)
    {
        public bool AppliesTo(string runVariant) =>
            Variant.Equals(runVariant, StringComparison.Ordinal) || runVariant == AllVariants;

        public bool Matches(RunSummary.Scenario scenario) =>
            RequirementCatalogue.IdsIn(scenario.Tags).Contains(Scenario, StringComparer.OrdinalIgnoreCase)
            || scenario.Name.Equals(Scenario, StringComparison.Ordinal)
            || scenario.Name.EndsWith(" — " + Scenario, StringComparison.Ordinal);

        public override string ToString() => $"{Variant}: {Scenario} {Verdict} ({Reason})";
    }

    private const string NoClientAuthWording =
        "RFC 6749 §5.2's examples name invalid_client for a request without client authentication; invalid_request for the missing " +
        "client_id still refuses without a token and names a registered code, so the promise holds and only the wording differs: " +
        "a WARNING on that clause, not a FAIL (issue 11, items 2 and 3).";

    public static IReadOnlyList<Deserved> All { get; } =
    [
        new("empty-secret-invalid-request", "TE-06", Verdicts.Warning,
            "RFC 6749 §5.2 names invalid_client, with 401 and the Basic challenge since Basic was tried; invalid_request for the empty secret " +
            "still refuses without a token and names a registered code, so the promise holds and only the wording differs (issue 11, items 2 and 3)."),
        new("missing-client-auth-invalid-request", "TE-05", Verdicts.Warning, NoClientAuthWording),
        new("missing-client-auth-invalid-request", "CC-03", Verdicts.Warning, NoClientAuthWording),
        new("missing-client-auth-invalid-request", "RT-02", Verdicts.Warning, NoClientAuthWording),
        new("no-refresh-rotation", "RT-07", Verdicts.NotApplicable,
            "The declaration says refresh tokens do not rotate (RFC 6749 §6 makes a new one OPTIONAL; the clients are confidential, so RFC 9700 " +
            "§4.14.2 does not require rotation): there is no used refresh token to refuse, and the rotation scenarios are not applicable."),
        new("form-only-parameters", "DC-01", Verdicts.Warning,
            "Parameters are read from the form body only (RFC 6749 §3.2, §4.3.2), so the vendor's query-string example fails as printed: " +
            "a documentation finding, which warns, not a contract failure (issue 11, item 2)."),
    ];
}
