namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Requirements whose scenarios a defect also fails in a full-suite run, because they stand on the very
/// behaviour the defect breaks (a refresh scenario needs the refresh token PW-01's defect withholds).
/// The full-suite run accepts failures only in these, so any other unrelated failure (a scenario failing
/// for a reason that is not its own requirement) still fails the matrix. Observed by running every
/// defect against the full suite; entries are per defect, each with the reason.
/// </summary>
public static class CollateralFailures
{
    public sealed record Collateral(IReadOnlyList<string> Requirements, string Reason);

    public static IReadOnlyDictionary<string, Collateral> ByDefect { get; } = new Dictionary<string, Collateral>(StringComparer.OrdinalIgnoreCase)
    {
        ["password-no-refresh-token"] = new(["BK-01", "BK-03", "BK-05", "BK-06", "BK-08", "DC-05", "ER-02", "ER-04", "ER-06", "RS-05",
                "RT-01", "RT-02", "RT-03", "RT-04", "RT-06", "RT-07", "RT-08", "SH-06", "TE-01", "TE-05", "TE-07", "TE-08", "TE-09"],
            "Every scenario that renews a customer's token needs the refresh token the password grant no longer issues, and without one " +
            "it is not judged (an error, never a pass): the refresh rules, the vendor's refresh example, the rows of the grant tables " +
            "for the refresh grant and of the token-kind tables for a renewed token."),
        ["grant-types-unchecked"] = new(["OP-03"],
            "The unchecked authorized_grant_types also let a client without the operator grant use it, which OP-03 proves."),
        ["cc-brand-query-ignored"] = new(["BK-03", "TE-09", "BK-05", "BK-06", "RS-05", "TE-08"],
            "Scenarios that obtain a client-credentials token with the brand in the query (the environment's declared form) get no token: " +
            "the rows for client credentials and for an application token included."),
        ["cc-operator-unchecked"] = new(["BK-07"],
            "An operator of another brand is one of the unchecked operator parameters; BK-07 proves it for client credentials."),
        ["refresh-access-token-unusable"] = new(["BK-05", "BK-06"],
            "The resource rows for a renewed token read with the token a renewal returned, which resources no longer accept."),
        ["refresh-without-client-auth"] = new(["TE-05"],
            "TE-05 requires client authentication for every grant, the refresh grant included."),
        ["brand-optional"] = new(["ER-02"],
            "ER-02's scenario checks the error code of the refusal for a missing brand, and there is no refusal any more."),
        ["resource-not-json"] = new(["BK-05", "BK-06", "CC-01", "DC-06", "OP-01", "OP-02", "PW-01", "RS-02", "RT-01"],
            "Every scenario that reads a balance or a customer reads it as JSON, which resources no longer answer."),
        ["expired-token-accepted"] = new(["DC-07", "RT-01"],
            "DC-07 and RT-01 wait for a short-lived access token to expire and expect it refused before going on."),
        ["error-code-unregistered"] = new(["ER-01"],
            "ER-01 checks the status that belongs to the refusal's error code, and the code is no longer a registered one."),
    };

    public static IReadOnlyList<string> For(string defectName) =>
        ByDefect.TryGetValue(defectName, out var collateral) ? collateral.Requirements : [];
}
