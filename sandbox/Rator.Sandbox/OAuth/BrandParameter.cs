using System.Text.RegularExpressions;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// The mandatory brand of a token request. The vendor's pages disagree on its name (brand_key, brandKey)
/// and place (query, body), so all four are read; two different values are a conflict (BK-04).
/// brand-key-camel-case reads brandKey only, form-only-parameters leaves the query out (TokenEndpoint).
/// </summary>
internal static partial class BrandParameter
{
    public const string SnakeCase = "brand_key";
    public const string CamelCase = "brandKey";

    public static bool IsBrandName(string name) => name is SnakeCase or CamelCase;

    /// <summary>The requested brand, checked to exist; null only when the brand-optional defect lets it be absent.</summary>
    public static async Task<string?> ResolveAsync(TokenParameters p, Grant grant, SandboxServices sandbox, CancellationToken ct)
    {
        var values = Sources(p, grant, sandbox).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            if (sandbox.Has(DefectNames.BrandOptional)) return null;
            throw BrandRefusal(sandbox.Uses(VariantNames.BrandKeyCamelCase) ? "Missing brandKey parameter" : "Missing brand_key parameter");
        }
        if (values.Distinct(StringComparer.Ordinal).Count() > 1 && !sandbox.Has(DefectNames.BrandConflictFirstWins))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Conflicting brand values");
        if (SameNameRepeated(p, sandbox) && !sandbox.Has(DefectNames.DuplicateParamsAccepted) && !sandbox.Has(DefectNames.BrandConflictFirstWins))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "A parameter was sent more than once");

        var brand = values[0];
        if (!BrandSyntax().IsMatch(brand))
        {
            if (sandbox.Has(DefectNames.BrandSpecialCharsCrash))
                throw new InvalidOperationException("Brand lookup failed."); // the defect: an unguarded query
            throw BrandRefusal("Unknown brand");
        }
        if (!await sandbox.Brands.ExistsAsync(brand, ct))
            throw BrandRefusal("Unknown brand");
        return brand;
    }

    private static OAuthException BrandRefusal(string description) =>
        new(400, OAuthErrors.InvalidRequest, description) { RefusesBrand = true };

    /// <summary>Query before body, snake case before camel case: the order a conflict-tolerant server would pick.</summary>
    private static IEnumerable<string> Sources(TokenParameters p, Grant grant, SandboxServices sandbox)
    {
        var queryIgnored = grant == Grant.ClientCredentials && sandbox.Has(DefectNames.CcBrandQueryIgnored);
        // brand-key-camel-case: brand_key is no brand at all, just an unknown parameter.
        var snakeIgnored = sandbox.Uses(VariantNames.BrandKeyCamelCase);
        var formSnakeIgnored = snakeIgnored || sandbox.Has(DefectNames.BrandKeyFormIgnored);
        var formCamelIgnored = grant switch
        {
            Grant.Password => sandbox.Has(DefectNames.PasswordBrandKeyFormIgnored),
            Grant.Operator => sandbox.Has(DefectNames.OperatorBrandKeyFormIgnored),
            Grant.ClientCredentials => sandbox.Has(DefectNames.CcBrandKeyFormIgnored),
            Grant.Refresh => sandbox.Has(DefectNames.RefreshBrandKeyFormIgnored),
            _ => false,
        };
        if (!queryIgnored)
        {
            if (!snakeIgnored)
                foreach (var v in p.FromQuery(SnakeCase)) yield return v;
            foreach (var v in p.FromQuery(CamelCase)) yield return v;
        }
        if (!formSnakeIgnored)
            foreach (var v in p.FromForm(SnakeCase)) yield return v;
        if (!formCamelIgnored)
            foreach (var v in p.FromForm(CamelCase)) yield return v;
    }

    private static bool SameNameRepeated(TokenParameters p, SandboxServices sandbox) =>
        (!sandbox.Uses(VariantNames.BrandKeyCamelCase) && p.FromQuery(SnakeCase).Count + p.FromForm(SnakeCase).Count > 1) ||
        p.FromQuery(CamelCase).Count + p.FromForm(CamelCase).Count > 1;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex BrandSyntax();
}
