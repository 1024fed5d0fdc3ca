using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// RT-04 with a real widening: the caller holds a token for only some of the scopes their client holds (declared in
/// clients.&lt;role&gt;.scopes, else those of a token asked for no scope), so that a refresh can ask for one the client
/// holds but the token lacks — the widening a deployment that checks only made-up scopes lets through.
/// </summary>
public sealed class ScopeNarrowing(Caller caller, Deployment deployment)
{
    /// <summary>Every scope the client holds, space-separated: what the renewal asks for.</summary>
    public string ClientScopes { get; private set; } = "";

    /// <exception cref="ScenarioSkippedException">the client holds a single scope, or the deployment ignores a narrower request.</exception>
    public async Task HoldNarrowedTokenAsync()
    {
        var client = caller.Client ?? deployment.Profile.Clients.Primary;
        var held = client.Scopes.Count > 0 ? client.Scopes : Words((await deployment.ObtainTokenAsync(caller.SignIn())).Response.Token?.Scope);
        var source = client.Scopes.Count > 0 ? $"clients.{client.Role?.Key()}.scopes" : "the scope of a token asked for no scope";
        if (held.Count < 2)
            throw new ScenarioSkippedException(
                $"{client} holds one scope or none ({source}: '{string.Join(" ", held)}'), so no token can lack a scope its client holds; declare its scopes in clients.<role>.scopes");
        ClientScopes = string.Join(' ', held);

        var narrowed = await deployment.ObtainTokenAsync(caller.SignIn().WithScope(held[0]));
        if (narrowed.Response.Token?.Scope is { } granted && Words(granted).Count >= held.Count)
            throw new ScenarioSkippedException(
                $"asked for the scope '{held[0]}' only, the deployment granted '{granted}' (RFC 6749 §3.3 lets it): no token lacks a scope of {client}, so none can be widened");
    }

    private static List<string> Words(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
