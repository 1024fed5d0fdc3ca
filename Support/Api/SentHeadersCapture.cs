using System.Net.Http.Headers;
using RestSharp.Interceptors;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>Captures the request headers as the HTTP stack will send them, RestSharp's own included: that is the evidence.</summary>
internal sealed class SentHeadersCapture(IReadOnlyList<KeyValuePair<string, string>> planned) : Interceptor
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; private set; } = planned;

    /// <summary>The message sent, whose options tell whether a response had started (<see cref="ResponseStart"/>).</summary>
    public HttpRequestMessage? Message { get; private set; }

    public ResponseStart? ResponseStart =>
        Message is not null && Message.Options.TryGetValue(Api.ResponseStart.Key, out var start) ? start : null;

    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        Message = requestMessage;
        Headers = Flatten(requestMessage.Headers)
            .Concat(requestMessage.Content is null ? [] : Flatten(requestMessage.Content.Headers))
            .ToList();
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<KeyValuePair<string, string>> Flatten(HttpHeaders headers) =>
        headers.NonValidated.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v)));
}
