using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.Resources;

/// <summary>
/// X-RATOR-brand-key on resource calls: required, a known brand, and the token's own brand (BK-05, BK-06).
/// Header names are case-insensitive (RFC 9110 §5.1).
/// </summary>
internal static class BrandHeader
{
    public const string Name = "X-RATOR-brand-key";

    /// <summary>
    /// The brand the data is read for, or the refusal. notFound is the resource's own answer to an unknown id:
    /// with resource-brand-refusals a foreign token gets exactly that, so the object's existence stays hidden.
    /// </summary>
    public static async Task<(string? Brand, ResourceError? Error)> CheckAsync(
        HttpContext context, TokenRecord token, ResourceError notFound, SandboxServices sandbox)
    {
        var values = Read(context.Request, sandbox);
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
            return sandbox.Has(DefectNames.BrandHeaderOptional)
                ? (token.Brand, null)
                : (null, Refusal("Missing X-RATOR-brand-key header", sandbox));
        if (values.Count > 1 || values[0]!.Contains(','))
            return (null, Refusal("More than one brand in X-RATOR-brand-key", sandbox));

        var brand = values[0]!.Trim();
        if (brand.Length > 64 || !await sandbox.Brands.ExistsAsync(brand, context.RequestAborted))
            return (null, Refusal("Unknown brand", sandbox));
        if (brand != token.Brand && token.PrincipalKind == PrincipalKind.Operator && sandbox.Has(DefectNames.OperatorTokensNotBrandBound))
            return (brand, null); // the defect: an operator's token reads whatever brand the header names
        if (brand != token.Brand)
            return sandbox.Has(DefectNames.BrandNotBound)
                ? (token.Brand, null) // the defect: any known brand header passes, the token's data is served
                : (null, sandbox.Uses(VariantNames.ResourceBrandRefusals) ? notFound : ResourceError.Forbidden("The token does not belong to this brand"));
        return (brand, null);
    }

    private static IReadOnlyList<string?> Read(HttpRequest request, SandboxServices sandbox)
    {
        if (!sandbox.Has(DefectNames.BrandHeaderCaseSensitive)) return request.Headers[Name];
        // Kestrel keeps the name as the client sent it; the defect compares it exactly.
        return request.Headers.Where(h => h.Key == Name).SelectMany(h => h.Value).ToList();
    }

    /// <summary>A bad brand header: a malformed request, or with resource-brand-refusals an access refused.</summary>
    private static ResourceError Refusal(string description, SandboxServices sandbox) =>
        sandbox.Uses(VariantNames.ResourceBrandRefusals)
            ? ResourceError.Forbidden(description)
            : new(StatusCodes.Status400BadRequest, "invalid_request", description);
}
