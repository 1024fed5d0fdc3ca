using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// Rator does not use scopes (vendor page V5), but Spring still keeps them per client: no scope means all
/// of the client's scopes, a scope the client lacks is invalid_scope, and a refresh may only narrow.
/// </summary>
internal static class ScopePolicy
{
    public static string ForGrant(TokenParameters p, ClientRecord client, SandboxServices sandbox)
    {
        var requested = Split(p.Get("scope"));
        if (requested.Count == 0) return string.Join(' ', client.Scopes);
        if (requested.All(client.Scopes.Contains) || sandbox.Has(DefectNames.BogusScopeGranted)) return string.Join(' ', requested);
        throw OAuthException.BadRequest(OAuthErrors.InvalidScope, "The requested scope is not allowed for this client");
    }

    public static string ForRefresh(TokenParameters p, string originalScope, IReadOnlyCollection<string> clientScopes, SandboxServices sandbox)
    {
        var requested = Split(p.Get("scope"));
        if (requested.Count == 0) return originalScope;
        var original = Split(originalScope);
        if (requested.All(original.Contains) || sandbox.Has(DefectNames.RefreshScopeWidening)) return string.Join(' ', requested);
        if (sandbox.Has(DefectNames.RefreshScopeWideningRegistered) && requested.All(clientScopes.Contains)) return string.Join(' ', requested);
        if (sandbox.Uses(VariantNames.WiderRefreshScopeNarrowed))
        {
            // RFC 6749 §3.3: what was not originally granted is dropped; with nothing left, as if no scope was asked.
            var kept = requested.Where(original.Contains).ToList();
            return kept.Count > 0 ? string.Join(' ', kept) : originalScope;
        }
        throw OAuthException.BadRequest(OAuthErrors.InvalidScope, "A refresh cannot widen the scope of the original grant");
    }

    /// <summary>RFC 6749 §5.1: whether the granted scope is the one requested, so the response may omit it.</summary>
    public static bool IsAsRequested(TokenParameters p, string grantedScope)
    {
        var requested = Split(p.Get("scope"));
        return requested.Count == 0 || requested.ToHashSet(StringComparer.Ordinal).SetEquals(Split(grantedScope));
    }

    private static List<string> Split(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
