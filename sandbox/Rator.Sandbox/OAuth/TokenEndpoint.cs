using System.Text;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.OAuth.Grants;
using Rator.Sandbox.Storage;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// POST {appContext}/oauth/token. Order of checks, as a Spring deployment runs them: request shape,
/// client authentication, grant type, brand, scope, then the grant itself.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task HandleAsync(HttpContext context, SandboxServices sandbox)
    {
        var receivedAt = sandbox.Clock.GetUtcNow();
        var ct = context.RequestAborted;
        try
        {
            var p = await ReadParametersAsync(context.Request, sandbox);
            p.Validate(sandbox);
            var grant = ResolveGrant(p.Get("grant_type"), sandbox);
            var client = await ClientAuthenticator.AuthenticateAsync(context.Request, p, grant, sandbox, ct);
            if (grant is not { } g)
                throw p.Get("grant_type") is null
                    ? OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Missing grant_type parameter")
                    : sandbox.Has(DefectNames.UnknownGrantInvalidRequest)
                        ? OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Unknown grant type")
                        : OAuthException.BadRequest(OAuthErrors.UnsupportedGrantType, "Unsupported grant type");
            if (client is not null) EnsureGrantAllowed(client, g, sandbox);

            var brand = await BrandParameter.ResolveAsync(p, g, sandbox, ct);
            if (brand is not null && client is not null && !client.Brands.Contains(brand))
                throw OAuthException.BadRequest(OAuthErrors.UnauthorizedClient, "The client is not registered for this brand");

            var tokens = g switch
            {
                Grant.Password or Grant.Operator =>
                    await UserCredentialsGrant.RunAsync(p, g, client!, brand, ScopePolicy.ForGrant(p, client!, sandbox), sandbox, ct),
                Grant.ClientCredentials =>
                    await ClientCredentialsGrant.RunAsync(p, client!, brand, ScopePolicy.ForGrant(p, client!, sandbox), sandbox, ct),
                _ => await RefreshTokenGrant.RunAsync(p, client, brand, receivedAt, sandbox, ct),
            };
            await TokenResponses.WriteTokensAsync(context, tokens, sandbox);
        }
        catch (OAuthException e)
        {
            await TokenResponses.WriteErrorAsync(context, e, sandbox);
        }
    }

    /// <summary>Any method but POST: 405 with Allow, in the token endpoint's error format (TE-01).</summary>
    public static Task RefuseMethodAsync(HttpContext context, SandboxServices sandbox)
    {
        context.Response.Headers.Allow = "POST";
        return TokenResponses.WriteErrorAsync(context,
            new OAuthException(StatusCodes.Status405MethodNotAllowed, OAuthErrors.InvalidRequest, "The token endpoint accepts POST only"),
            sandbox);
    }

    private static async Task<TokenParameters> ReadParametersAsync(HttpRequest request, SandboxServices sandbox)
    {
        if (!HttpMethods.IsPost(request.Method)) return new TokenParameters(request.Query, []);

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody) return new TokenParameters(request.Query, []);
        if (!request.HasFormContentType || request.ContentType!.Contains("multipart/", StringComparison.OrdinalIgnoreCase))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest,
                "Unsupported content type: send parameters as application/x-www-form-urlencoded");
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return new TokenParameters(request.Query, form);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new OAuthException(StatusCodes.Status413PayloadTooLarge, OAuthErrors.InvalidRequest, "The request body is too large");
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or FormatException or DecoderFallbackException or IOException
                                      && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "The form body cannot be read");
        }
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

    private static void EnsureGrantAllowed(ClientRecord client, Grant grant, SandboxServices sandbox)
    {
        if (client.Grants.Contains(grant.WireName(sandbox.Options))) return;
        var unchecked_ = grant switch
        {
            Grant.Password or Grant.Operator => sandbox.Has(DefectNames.GrantTypesUnchecked),
            Grant.ClientCredentials => sandbox.Has(DefectNames.CcGrantUnchecked),
            _ => false,
        };
        if (!unchecked_)
            throw OAuthException.BadRequest(OAuthErrors.UnauthorizedClient, "The client is not authorized for this grant type");
    }
}
