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
        "a WARNING on that clause, not a FAIL (the promise gates, the wording warns).";

    public static IReadOnlyList<Deserved> All { get; } =
    [
        new("empty-secret-invalid-request", "TE-06", Verdicts.Warning,
            "RFC 6749 §5.2 names invalid_client, with 401 and the Basic challenge since Basic was tried; invalid_request for the empty secret " +
            "still refuses without a token and names a registered code, so the promise holds and only the wording differs: a WARNING on that clause."),
        new("missing-client-auth-invalid-request", "TE-05", Verdicts.Warning, NoClientAuthWording),
        new("missing-client-auth-invalid-request", "CC-03", Verdicts.Warning, NoClientAuthWording),
        new("missing-client-auth-invalid-request", "RT-02", Verdicts.Warning, NoClientAuthWording),
        .. new[] { "a customer token", "an operator token", "a renewed token" }.Select(token => new Deserved("access-token-kept-on-refresh",
            $"A deployment that revokes the previous access token on renewal does so for {token} [{token}]", Verdicts.NotApplicable,
            "The declaration says a renewal keeps the previous access token until it expires (RFC 6749 §6 does not require revoking it): " +
            "the revoking scenario is not applicable, its keeping twin runs instead.")),
        new("no-refresh-rotation", "RT-07", Verdicts.NotApplicable,
            "The declaration says refresh tokens do not rotate (RFC 6749 §6 makes a new one OPTIONAL; the clients are confidential, so RFC 9700 " +
            "§4.14.2 does not require rotation): there is no used refresh token to refuse, and the rotation scenarios are not applicable."),
        new("expired-refresh-invalid-token", "RT-06", Verdicts.Warning,
            "The vendor's own stack (Spring Security OAuth2's DefaultTokenServices) answers an expired refresh token with 401 invalid_token; " +
            "RFC 6749 §5.2 names invalid_grant. No token is issued, so the promise holds and only the wording differs: its @wording scenario warns."),
        new("grant-not-allowed-invalid-client", "CC-03", Verdicts.Warning, GrantNotAllowedWording),
        new("grant-not-allowed-invalid-client", "OP-03", Verdicts.Warning, GrantNotAllowedWording),
        new("grant-not-allowed-invalid-client", "PW-06", Verdicts.Warning, GrantNotAllowedWording),
        new("brand-key-camel-case", "BK-03", Verdicts.Warning,
            "Only brandKey is read, the name the vendor's \"Authentication Methods\" page gives; the brand page's brand_key forms then fail as " +
            "documented elsewhere: a documentation finding for the forms the environment does not declare, which warns."),
        new("brand-key-camel-case", "DC-01", Verdicts.Warning,
            "The brand page's query-string example names brand_key, which this deployment does not read: the example fails as printed, " +
            "a documentation finding, which warns, not a contract failure."),
        new("form-only-parameters", "BK-03", Verdicts.Warning,
            "Parameters are read from the form body only (RFC 6749 §3.2, §4.3.2), so the documented brand forms in the query string fail: " +
            "a documentation finding for the forms the environment does not declare, which warns."),
        new("form-only-parameters", "Different brands in the query string and the form body are refused as a malformed request", Verdicts.Warning,
            "Parameters are read from the form body only (RFC 6749 §3.2), so the brand in the query string is no parameter at all: the request " +
            "names one brand, the other one, whose customer it is not, and is refused as an invalid grant. No token and no conflict to refuse: " +
            "only the wording the conflict's @wording scenario expects differs."),
        new("form-only-parameters", "DC-01", Verdicts.Warning,
            "Parameters are read from the form body only (RFC 6749 §3.2, §4.3.2), so the vendor's query-string example fails as printed: " +
            "a documentation finding, which warns, not a contract failure."),
        new("operator-grant-renamed", "DC-03", Verdicts.Warning,
            "The operator grant is named by an absolute URI (RFC 6749 §4.5), so the vendor's example with grant_type operator_password fails " +
            "as printed: a documentation finding, which warns."),
        new("restricted-client-reshaped", "CC-03", Verdicts.Skipped,
            "The reshaped restricted client holds client_credentials and no other declared client lacks it, so no client can show the refusal: " +
            "the scenarios that need one are skipped with that reason: CC-03 reads SKIPPED, not FAIL."),
        new(AllVariants, "TE-04", Verdicts.Warning,
            "form-only-parameters never reads the query, so client credentials placed there are no client authentication at all, which " +
            "missing-client-auth-invalid-request answers with invalid_request: no token, a registered code, only the wording differs."),
    ];

    private const string GrantNotAllowedWording =
        "The vendor's own stack (Spring Security OAuth2's AbstractTokenGranter) answers a grant missing from the client's authorized_grant_types " +
        "with 401 invalid_client; RFC 6749 §5.2 names unauthorized_client. No token is issued, so the promise holds and only the wording differs.";
}
