using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Storage;

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

    public static string ForRefresh(TokenParameters p, string originalScope, SandboxServices sandbox)
    {
        var requested = Split(p.Get("scope"));
        if (requested.Count == 0) return originalScope;
        var original = Split(originalScope);
        if (requested.All(original.Contains) || sandbox.Has(DefectNames.RefreshScopeWidening)) return string.Join(' ', requested);
        throw OAuthException.BadRequest(OAuthErrors.InvalidScope, "A refresh cannot widen the scope of the original grant");
    }

    private static List<string> Split(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
