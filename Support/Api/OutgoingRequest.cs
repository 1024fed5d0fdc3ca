namespace Rator.Contract.Tests.Support.Api;

/// <summary>A request as the typed clients built it, ready for <see cref="RatorHttp"/> to send (and retry).</summary>
internal sealed record OutgoingRequest(string Purpose, RequestMethod Method, Uri Url)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body, or null for none.</summary>
    public string? Body { get; init; }

    public string BodyContentType { get; init; } = FormContentType;

    public const string FormContentType = "application/x-www-form-urlencoded";

    public static Uri WithQuery(Uri url, IReadOnlyCollection<KeyValuePair<string, string>> query) =>
        query.Count == 0 ? url : new Uri(url.AbsoluteUri + (url.Query.Length > 0 ? "&" : "?") + FormEncoding.Query(query));
}
