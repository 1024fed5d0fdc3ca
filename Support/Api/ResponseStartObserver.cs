using System.Net.Http.Headers;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>The status line and headers of a response whose body then failed to arrive.</summary>
internal sealed record ResponseStart(int StatusCode, string? ReasonPhrase, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static readonly HttpRequestOptionsKey<ResponseStart> Key = new("Rator.ResponseStart");
}

/// <summary>
/// Notes on each request when its response's headers arrived. RestSharp reports a body cut short as a response
/// with no status at all; this keeps the status and headers, which are evidence (a 200 that died half way).
/// </summary>
internal sealed class ResponseStartObserver(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        request.Options.Set(ResponseStart.Key, new ResponseStart(
            (int)response.StatusCode,
            response.ReasonPhrase,
            Flatten(response.Headers).Concat(Flatten(response.Content.Headers)).ToList()));
        return response;
    }

    private static IEnumerable<KeyValuePair<string, string>> Flatten(HttpHeaders headers) =>
        headers.NonValidated.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v)));
}
