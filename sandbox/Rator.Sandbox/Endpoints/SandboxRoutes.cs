using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.OAuth;
using Rator.Sandbox.Resources;

namespace Rator.Sandbox.Endpoints;

/// <summary>
/// Every route of the sandbox under the app context. Nothing else exists: Spring's /oauth/authorize,
/// /oauth/check_token and /oauth/token_key answer 404 like any unknown path (SH-04).
/// </summary>
internal static class SandboxRoutes
{
    private static readonly string[] NonPostMethods = ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static void Map(WebApplication app, SandboxServices sandbox)
    {
        var root = app.MapGroup(sandbox.Options.AppContext);

        root.MapPost("/oauth/token", (HttpContext c) => TokenEndpoint.HandleAsync(c, sandbox));
        if (sandbox.Has(DefectNames.TokenGetAllowed))
        {
            root.MapGet("/oauth/token", (HttpContext c) => TokenEndpoint.HandleAsync(c, sandbox));
            root.MapMethods("/oauth/token", NonPostMethods.Except(["GET"]), (HttpContext c) => TokenEndpoint.RefuseMethodAsync(c, sandbox));
        }
        else
        {
            root.MapMethods("/oauth/token", NonPostMethods, (HttpContext c) => TokenEndpoint.RefuseMethodAsync(c, sandbox));
        }

        root.MapGet("/api/billing-groups/{id}/balance", (HttpContext c, string id) => ResourceEndpoints.BalanceAsync(c, id, sandbox));
        root.MapGet("/api/customers/{id}", (HttpContext c, string id) => ResourceEndpoints.CustomerAsync(c, id, sandbox));

        if (sandbox.Has(DefectNames.CheckTokenExposed))
        {
            root.MapMethods("/oauth/check_token", ["GET", "POST"], (HttpContext c) => IntrospectionLeak.CheckTokenAsync(c, sandbox));
            root.MapGet("/oauth/token_key", (HttpContext c) => IntrospectionLeak.TokenKeyAsync(c, sandbox));
        }

        app.MapFallback((HttpContext c) => ResourceResponses.WriteErrorAsync(c, ResourceError.NotFound("No such resource"), sandbox));
    }
}
