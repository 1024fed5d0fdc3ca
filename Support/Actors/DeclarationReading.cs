using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// What the environment file declares of the actor a scenario chose for a capability ("rator-service without the
/// password grant"), and the key that says so. A verdict against such an actor has two readings, and a failure
/// message names both: the deployment breaks the rule, or the file no longer describes the deployment.
/// </summary>
public sealed record DeclarationReading(string Declared, string Key)
{
    /// <summary>
    /// When a declared client is refused a grant its declaration lists (clients.&lt;role&gt;.grants), the refusal
    /// too has two readings; null when the file declares nothing about the client's grants.
    /// </summary>
    public static DeclarationReading? OfAllowedGrant(OAuthClient client, string grant) =>
        client is { Role: { } role, Grants: not null } && client.HasGrant(grant)
            ? new DeclarationReading($"{client} with the {grant} grant", $"clients.{role.Key()}.grants")
            : null;

    /// <summary>A choice the file declares of the deployment ("that refresh tokens rotate on renewal"), with the key that declares it.</summary>
    public static DeclarationReading OfChoice(string declared, string key) => new(declared, key);

    /// <summary>The clause a failure message adds after "because".</summary>
    public string Because =>
        $"the environment declares {Declared}: either the deployment breaks the rule, or the environment file is out of date (check {Key})";
}
