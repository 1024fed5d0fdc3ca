using Rator.Sandbox.OAuth;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox;

/// <summary>
/// What an environment file should declare for this very host (environments/README.md, "Keys"), so an
/// embedded run follows the variants. Defects never change it: a defect is a broken promise, not a different one.
/// </summary>
public sealed record SandboxDeclaration
{
    /// <summary>"brand_key" or "brandKey": the form this host promises.</summary>
    public required string BrandParameterName { get; init; }

    /// <summary>"query" or "form".</summary>
    public required string BrandParameterPlace { get; init; }

    public required string OperatorGrantType { get; init; }
    public required bool ClientCredentialsOffered { get; init; }
    public required bool RefreshTokenRotation { get; init; }
    public required bool AccessTokenRevokedOnRefresh { get; init; }

    /// <summary>How long a superseded refresh token is still accepted; 0 = not at all.</summary>
    public required int RefreshTokenReuseLeewaySeconds { get; init; }

    /// <summary>The statuses for a missing or unknown brand at the token endpoint.</summary>
    public required IReadOnlyList<int> TokenEndpointBrandRejectionStatus { get; init; }

    /// <summary>The statuses for a missing, unknown or foreign brand at the resources.</summary>
    public required IReadOnlyList<int> ResourceBrandRejectionStatus { get; init; }

    /// <summary>The clients as stored, grants by their wire names.</summary>
    public required IReadOnlyList<DeclaredClient> Clients { get; init; }

    /// <summary>The PEM file of the CA behind the https address (tls.caFile); null without https or with certificate files of your own.</summary>
    public string? CaFile { get; init; }

    /// <summary>The plain-HTTP address beside the https one, with the app context (tls.plainHttpBaseUrl); null without https.</summary>
    public Uri? PlainHttpBaseUrl { get; init; }

    internal static SandboxDeclaration For(SandboxOptions effective, ActiveVariants variants, IReadOnlyList<DeclaredClient> clients,
        string? caFile = null, Uri? plainHttpBaseUrl = null) => new()
    {
        CaFile = caFile,
        PlainHttpBaseUrl = plainHttpBaseUrl,
        BrandParameterName = variants.Has(VariantNames.BrandKeyCamelCase) ? BrandParameter.CamelCase : BrandParameter.SnakeCase,
        // The query is the brand page's place; with form-only-parameters only the body is read.
        BrandParameterPlace = variants.Has(VariantNames.FormOnlyParameters) ? "form" : "query",
        OperatorGrantType = effective.OperatorGrantType,
        ClientCredentialsOffered = effective.ClientCredentialsOffered,
        RefreshTokenRotation = effective.RotateRefreshTokens,
        AccessTokenRevokedOnRefresh = !variants.Has(VariantNames.AccessTokenKeptOnRefresh),
        // Without rotation nothing is superseded, so a leeway has nothing to apply to.
        RefreshTokenReuseLeewaySeconds = variants.Has(VariantNames.RefreshReuseLeeway) && effective.RotateRefreshTokens
            ? (int)ActiveVariants.ReuseLeeway.TotalSeconds
            : 0,
        TokenEndpointBrandRejectionStatus = [400],
        ResourceBrandRejectionStatus = variants.Has(VariantNames.ResourceBrandRefusals) ? [403, 404] : [400, 403],
        Clients = clients,
    };
}

/// <summary>One client as the environment file's clients.&lt;role&gt; would declare it.</summary>
public sealed record DeclaredClient(
    string ClientId, IReadOnlyList<string> Brands, IReadOnlyList<string> Grants, int AccessTokenValiditySeconds, int RefreshTokenValiditySeconds,
    IReadOnlyList<string> Scopes);
