using Microsoft.Extensions.Primitives;
using Rator.Sandbox.Defects;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// Token-request parameters from the query string and the form body together, as Spring's @RequestParam
/// reads them. RFC 6749 §3.2: a parameter sent twice is an error; an empty value counts as omitted.
/// The brand parameters are left to <see cref="BrandParameter"/>, which knows their aliases.
/// </summary>
internal sealed class TokenParameters
{
    public const int MaxValueLength = 4096;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "grant_type", "username", "password", "refresh_token", "scope", "operator", "client_id", "client_secret",
        BrandParameter.SnakeCase, BrandParameter.CamelCase,
    };

    private readonly IReadOnlyDictionary<string, StringValues> query;
    private readonly IReadOnlyDictionary<string, StringValues> form;

    // refresh-duplicate-params-accepted: on the refresh grant the last of repeated values is read.
    private bool lastWins;

    public TokenParameters(IEnumerable<KeyValuePair<string, StringValues>> query, IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        this.query = query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        this.form = form.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>Refuses duplicates, unreasonably long values and (with a defect) unknown names.</summary>
    public void Validate(Hosting.SandboxServices sandbox)
    {
        lastWins = sandbox.Has(DefectNames.RefreshDuplicateParamsAccepted)
                   && All("grant_type").LastOrDefault(v => v.Length > 0) == GrantTypes.RefreshToken;
        foreach (var name in query.Keys.Concat(form.Keys).Distinct(StringComparer.Ordinal))
        {
            var values = All(name);
            if (values.Count > 1 && !BrandParameter.IsBrandName(name) && !sandbox.Has(DefectNames.DuplicateParamsAccepted) && !lastWins)
                throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "A parameter was sent more than once");
            if (sandbox.Has(DefectNames.LongValueCrash) && name is "username" or "password" && values.Any(v => v.Length > 1024))
                throw new InvalidOperationException("Credential value overflows the legacy column."); // the defect: a crash
            if (values.Any(v => v.Length > MaxValueLength))
                throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "A parameter value is too long");
            if (sandbox.Has(DefectNames.UnknownParamsRejected) && !Known.Contains(name))
                throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Unrecognised parameter");
        }
    }

    /// <summary>The value, or null when absent or empty; the first one when duplicates are tolerated.</summary>
    public string? Get(string name) => lastWins ? All(name).LastOrDefault(v => v.Length > 0) : All(name).FirstOrDefault(v => v.Length > 0);

    /// <summary>Sent at all, even empty.</summary>
    public bool IsPresent(string name) => All(name).Count > 0;

    public bool InQuery(string name) => query.TryGetValue(name, out var v) && v.Any(s => !string.IsNullOrEmpty(s));

    public bool Has(string name) => Get(name) is not null;

    public IReadOnlyList<string> FromQuery(string name) => Values(query, name);

    public IReadOnlyList<string> FromForm(string name) => Values(form, name);

    private List<string> All(string name) => [.. Values(query, name), .. Values(form, name)];

    private static List<string> Values(IReadOnlyDictionary<string, StringValues> source, string name) =>
        source.TryGetValue(name, out var values) ? values.Select(v => v ?? "").ToList() : [];
}
