namespace Rator.Contract.Tests.Support.Api;

/// <summary>Response headers (content headers included) with case-insensitive names and repeated headers kept.</summary>
public sealed class ResponseHeaders
{

    public ResponseHeaders(IReadOnlyList<KeyValuePair<string, string>> all) => All = all;

    public IReadOnlyList<KeyValuePair<string, string>> All { get; }

    /// <summary>The values of a header joined by ", " (RFC 9110 §5.3), or null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            var values = GetValues(name);
            return values.Count == 0 ? null : string.Join(", ", values);
        }
    }

    public IReadOnlyList<string> GetValues(string name) =>
        All.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    public bool Contains(string name) => All.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a header holds the directive, ignoring case (e.g. Cache-Control: no-store, TE-10).</summary>
    public bool HasDirective(string name, string directive) =>
        GetValues(name).SelectMany(v => v.Split(',')).Any(d => d.Trim().Split('=')[0].Equals(directive, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{All.Count} header(s)";
}
