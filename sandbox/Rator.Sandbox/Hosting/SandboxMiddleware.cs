using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Rator.Sandbox.Hosting;

/// <summary>The pipeline around the endpoints: the benchmark latency and the last-resort error handler.</summary>
internal static class SandboxMiddleware
{
    public static void Use(WebApplication app, SandboxServices sandbox)
    {
        // Anything unexpected becomes a bare 500 JSON: no exception text, no stack trace. Tests assert
        // that bad input never gets here (SandboxHost.UnexpectedErrorCount stays 0).
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            if (context.RequestAborted.IsCancellationRequested) return; // the client left; nobody to answer
            sandbox.CountUnexpectedError();
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var response = context.Response;
            response.StatusCode = failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            response.Headers.CacheControl = "no-store";
            response.Headers.Pragma = "no-cache";
            response.ContentType = sandbox.JsonContentType;
            var error = response.StatusCode >= 500 ? "server_error" : "invalid_request";
            await JsonSerializer.SerializeAsync(response.Body,
                new Dictionary<string, string> { ["error"] = error, ["error_description"] = "The request could not be processed" });
        }));

        Tls.PlainHttpPolicy.Use(app, sandbox);

        if (sandbox.Options.LatencyMs > 0)
        {
            var delay = TimeSpan.FromMilliseconds(sandbox.Options.LatencyMs);
            app.Use(async (context, next) =>
            {
                await Task.Delay(delay, context.RequestAborted);
                await next(context);
            });
        }
    }
}
