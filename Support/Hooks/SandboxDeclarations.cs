using Rator.Contract.Tests.Support.Configuration;
using Rator.Sandbox;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// An embedded run is judged by what the sandbox it started declares of itself (SandboxHost.Declaration), not by
/// local.json's defaults: with compliant variants switched on (RATOR_SANDBOX_VARIANTS) the deployment's choices
/// change, exactly as a staging file would declare another stack's. The file still names the actors and secrets.
/// </summary>
public static class SandboxDeclarations
{
    public static EnvironmentProfile Follow(EnvironmentProfile profile, SandboxDeclaration declared)
    {
        var tokenEndpoint = profile.TokenEndpoint with
        {
            BrandParameter = new BrandParameter(declared.BrandParameterName, BrandParameter.PlaceNamed(declared.BrandParameterPlace)),
            OperatorGrantType = declared.OperatorGrantType,
            ClientCredentials = declared.ClientCredentialsOffered
                ? profile.TokenEndpoint.ClientCredentials with { Offered = true }
                : ClientCredentialsSettings.NotOffered,
            RefreshTokenRotation = declared.RefreshTokenRotation,
            AccessTokenRevokedOnRefresh = declared.AccessTokenRevokedOnRefresh,
            RefreshTokenReuseLeeway = TimeSpan.FromSeconds(declared.RefreshTokenReuseLeewaySeconds),
            BrandRejectionStatus = declared.TokenEndpointBrandRejectionStatus,
        };
        var byId = declared.Clients.ToDictionary(c => c.ClientId, StringComparer.Ordinal);
        // The sandbox's CA is trusted by this run alone, as a company CA through tls.caFile; its plain-HTTP address is TE-02's.
        var tls = declared.CaFile is { } caFile ? profile.Tls.Trusting(caFile) : profile.Tls;
        if (declared.PlainHttpBaseUrl is { } plain)
            tls = tls with { PlainHttpBaseUrl = plain };
        return profile with
        {
            Tls = tls,
            TokenEndpoint = tokenEndpoint,
            Resources = profile.Resources with { BrandRejectionStatus = declared.ResourceBrandRejectionStatus },
            Clients = profile.Clients.Select(client => byId.TryGetValue(client.Id, out var stored)
                ? client with { Brands = stored.Brands, Grants = stored.Grants, Scopes = stored.Scopes }
                : client),
        };
    }

    /// <summary>The declaration in the run's facts, so a report says which choices the run was judged by.</summary>
    public static string Describe(SandboxDeclaration declared) =>
        $"brand parameter {declared.BrandParameterName} in the {declared.BrandParameterPlace}; operator grant {declared.OperatorGrantType}; "
        + $"client credentials {(declared.ClientCredentialsOffered ? "offered" : "not offered")}; "
        + $"refresh rotation {(declared.RefreshTokenRotation ? "on" : "off")}"
        + (declared.RefreshTokenReuseLeewaySeconds > 0 ? $" with {declared.RefreshTokenReuseLeewaySeconds} s reuse leeway" : "")
        + $"; old access token {(declared.AccessTokenRevokedOnRefresh ? "revoked" : "kept")} on refresh; "
        + $"brand refusals {string.Join("/", declared.TokenEndpointBrandRejectionStatus)} at the token endpoint, "
        + $"{string.Join("/", declared.ResourceBrandRejectionStatus)} at the resources"
        + (declared.CaFile is null ? "" : $"; https from the CA {declared.CaFile}")
        + (declared.PlainHttpBaseUrl is null ? "" : $", plain HTTP at {declared.PlainHttpBaseUrl}");
}
