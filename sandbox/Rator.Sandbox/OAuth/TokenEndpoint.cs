using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.OAuth.Grants;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// POST {appContext}/oauth/token. Order of checks, as a Spring deployment runs them: request shape,
/// client authentication, grant type, brand, scope, then the grant itself. grant-type-checked-first moves
/// grant type and brand before client authentication, as Keycloak and OpenIddict order them.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task HandleAsync(HttpContext context, SandboxServices sandbox)
    {
        var receivedAt = sandbox.Clock.GetUtcNow();
        var ct = context.RequestAborted;
        try
        {
            if (sandbox.Has(DefectNames.MalformedQueryCrash) && !QueryDecodes(context.Request.QueryString.Value))
                throw new InvalidOperationException("The query string could not be decoded."); // the defect: an unguarded decoder
            var p = await ReadParametersAsync(context.Request, sandbox);
            p.Validate(sandbox);
            var requested = ResolveGrant(p.Get("grant_type"), sandbox);
            ClientRecord? client;
            Grant grant;
            string? brand;
            if (sandbox.Uses(VariantNames.GrantTypeCheckedFirst))
            {
                grant = RequireGrant(requested, p, sandbox);
                brand = await BrandParameter.ResolveAsync(p, grant, sandbox, ct);
                client = await ClientAuthenticator.AuthenticateAsync(context.Request, p, grant, sandbox, ct);
                if (client is not null) EnsureGrantAllowed(client, grant, sandbox);
            }
            else
            {
                client = await ClientAuthenticator.AuthenticateAsync(context.Request, p, requested, sandbox, ct);
                grant = RequireGrant(requested, p, sandbox);
                if (client is not null) EnsureGrantAllowed(client, grant, sandbox);
                brand = await BrandParameter.ResolveAsync(p, grant, sandbox, ct);
            }
            if (brand is not null && client is not null && !client.Brands.Contains(brand))
                throw OAuthException.BadRequest(OAuthErrors.UnauthorizedClient, "The client is not registered for this brand");

            var tokens = grant switch
            {
                Grant.Password or Grant.Operator =>
                    await UserCredentialsGrant.RunAsync(p, grant, client!, brand, ScopePolicy.ForGrant(p, client!, sandbox), sandbox, ct),
                Grant.ClientCredentials =>
                    await ClientCredentialsGrant.RunAsync(p, client!, brand, ScopePolicy.ForGrant(p, client!, sandbox), sandbox, ct),
                _ => await RefreshTokenGrant.RunAsync(p, client, brand, receivedAt, sandbox, ct),
            };
            await TokenResponses.WriteTokensAsync(context, tokens, ScopePolicy.IsAsRequested(p, tokens.Scope), sandbox);
        }
        catch (OAuthException e)
        {
            await TokenResponses.WriteErrorAsync(context, e, sandbox);
        }
    }

    /// <summary>
    /// Any method but POST: 405 with Allow, in the token endpoint's error format (TE-01); with
    /// get-token-bad-request a plain 400 invalid_request, as OpenIddict and Duende answer.
    /// </summary>
    public static Task RefuseMethodAsync(HttpContext context, SandboxServices sandbox)
    {
        if (sandbox.Uses(VariantNames.GetTokenBadRequest))
            return TokenResponses.WriteErrorAsync(context,
                OAuthException.BadRequest(OAuthErrors.InvalidRequest, "The specified HTTP method is not valid"), sandbox);
        context.Response.Headers.Allow = "POST";
        return TokenResponses.WriteErrorAsync(context,
            new OAuthException(StatusCodes.Status405MethodNotAllowed, OAuthErrors.InvalidRequest, "The token endpoint accepts POST only"),
            sandbox);
    }

    private static async Task<TokenParameters> ReadParametersAsync(HttpRequest request, SandboxServices sandbox)
    {
        // form-only-parameters: the query string is not a parameter source at all (RFC 6749 §3.2's entity-body).
        IEnumerable<KeyValuePair<string, StringValues>> query = sandbox.Uses(VariantNames.FormOnlyParameters) ? [] : request.Query;
        if (!HttpMethods.IsPost(request.Method)) return new TokenParameters(query, []);

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody) return new TokenParameters(query, []);
        // A declared length over the limit is refused before the body is read: a client that asked to continue
        // (Expect: 100-continue) gets the 413 without sending the body, instead of a connection closed under it.
        if (request.ContentLength > sandbox.Options.MaxRequestBodyBytes)
            throw TooLarge();
        if (!request.HasFormContentType || request.ContentType!.Contains("multipart/", StringComparison.OrdinalIgnoreCase))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest,
                "Unsupported content type: send parameters as application/x-www-form-urlencoded");
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return new TokenParameters(query, form);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or FormatException or DecoderFallbackException or IOException
                                      && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "The form body cannot be read");
        }
    }

    private static OAuthException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, OAuthErrors.InvalidRequest, "The request body is too large");

    private static bool QueryDecodes(string? query)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var field in (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                strict.GetString(System.Web.HttpUtility.UrlDecodeToBytes(field));
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
        return true;
    }

    private static Grant? ResolveGrant(string? wireName, SandboxServices sandbox) => wireName switch
    {
        null => null,
        GrantTypes.Password => Grant.Password,
        GrantTypes.RefreshToken => Grant.Refresh,
        GrantTypes.ClientCredentials when sandbox.Options.ClientCredentialsOffered => Grant.ClientCredentials,
        _ when wireName == sandbox.Options.OperatorGrantType => Grant.Operator,
        _ => null,
    };

    private static Grant RequireGrant(Grant? grant, TokenParameters p, SandboxServices sandbox) =>
        grant ?? throw (p.Get("grant_type") is null
            ? OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Missing grant_type parameter")
            : sandbox.Has(DefectNames.UnknownGrantInvalidRequest)
                ? OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Unknown grant type")
            : sandbox.Has(DefectNames.BareUnknownGrantMissingUsername) && !p.Has("username")
                ? OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Missing username")
                : OAuthException.BadRequest(OAuthErrors.UnsupportedGrantType, "Unsupported grant type"));

    private static void EnsureGrantAllowed(ClientRecord client, Grant grant, SandboxServices sandbox)
    {
        var wireName = grant.WireName(sandbox.Options);
        if (client.Grants.Contains(wireName)) return;
        var unchecked_ = grant switch
        {
            Grant.Password or Grant.Operator => sandbox.Has(DefectNames.GrantTypesUnchecked),
            Grant.ClientCredentials => sandbox.Has(DefectNames.CcGrantUnchecked),
            _ => false,
        };
        if (unchecked_) return;
        // Legacy Spring's AbstractTokenGranter: InvalidClientException; the name is a known grant's, never raw input.
        if (sandbox.Uses(VariantNames.GrantNotAllowedInvalidClient))
            throw OAuthException.InvalidClient("Unauthorized grant type: " + wireName);
        throw OAuthException.BadRequest(OAuthErrors.UnauthorizedClient, "The client is not authorized for this grant type");
    }
}
