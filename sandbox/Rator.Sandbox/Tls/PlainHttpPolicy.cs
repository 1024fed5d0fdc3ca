using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.Tls;

/// <summary>
/// Beside https, what the plain-HTTP address does with a request: refuse it as Keycloak does ("HTTPS required",
/// 403 invalid_request), or with plain-http-redirect send it to the same path on https (301, nginx's usual port-80
/// setup). Either way nothing is issued or served over plain HTTP (RFC 6749 §3.2, TE-02), unless the
/// token-over-plain-http defect is on. A host serving plain HTTP alone is not affected.
/// </summary>
internal static class PlainHttpPolicy
{
    public static void Use(WebApplication app, SandboxServices sandbox)
    {
        if (sandbox.Tls is null || sandbox.Has(DefectNames.TokenOverPlainHttp))
            return;
        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps)
            {
                await next(context);
                return;
            }

            var response = context.Response;
            response.Headers.CacheControl = "no-store";
            if (sandbox.Uses(VariantNames.PlainHttpRedirect))
            {
                var request = context.Request;
                var host = request.Host.Host.Contains(':') ? $"[{request.Host.Host}]" : request.Host.Host;
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.Location = $"https://{host}:{sandbox.HttpsPort}{request.PathBase}{request.Path}{request.QueryString}";
                return;
            }

            response.StatusCode = StatusCodes.Status403Forbidden;
            response.Headers.Pragma = "no-cache";
            response.ContentType = sandbox.JsonContentType;
            await JsonSerializer.SerializeAsync(response.Body,
                new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = "HTTPS required" });
        });
    }
}
