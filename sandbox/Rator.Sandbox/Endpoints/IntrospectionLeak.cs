using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;

namespace Rator.Sandbox.Endpoints;

/// <summary>
/// Only for the check-token-exposed defect: Spring's CheckTokenEndpoint and TokenKeyEndpoint left
/// switched on, answering anyone without client authentication.
/// </summary>
internal static class IntrospectionLeak
{
    public static async Task CheckTokenAsync(HttpContext context, SandboxServices sandbox)
    {
        var value = context.Request.Query["token"].FirstOrDefault() ?? "";
        var token = await sandbox.Database.RunAsync(db => TokenStore.Find(db, TokenGenerator.Digest(value)), context.RequestAborted);
        context.Response.ContentType = sandbox.JsonContentType;
        object body = token is null
            ? new { active = false }
            : new { active = !token.Revoked, client_id = token.ClientId, user_name = token.PrincipalName, brand = token.Brand, scope = token.Scope.Split(' '), exp = token.ExpiresAt.ToUnixTimeSeconds() };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), cancellationToken: context.RequestAborted);
    }

    public static Task TokenKeyAsync(HttpContext context, SandboxServices sandbox)
    {
        context.Response.ContentType = sandbox.JsonContentType;
        return context.Response.WriteAsync("""{"alg":"HMACSHA256","value":"sandbox-signing-key"}""", context.RequestAborted);
    }
}
