namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>The environment's clients by role; a missing role is a reason to skip, never to fail.</summary>
public sealed class ClientRoster
{
    private readonly IReadOnlyDictionary<ClientRole, OAuthClient> clients;
    private readonly string environment;

    public ClientRoster(IReadOnlyDictionary<ClientRole, OAuthClient> clients, string environment)
    {
        this.clients = clients;
        this.environment = environment;
    }

    /// <summary>Validation makes the primary client mandatory: the preflight needs it.</summary>
    public OAuthClient Primary => Require(ClientRole.Primary);

    public OAuthClient? Second => Find(ClientRole.Second);
    public OAuthClient? ShortLived => Find(ClientRole.ShortLived);
    public OAuthClient? Restricted => Find(ClientRole.Restricted);
    public OAuthClient? ServiceOnly => Find(ClientRole.ServiceOnly);
    public OAuthClient? BruteForce => Find(ClientRole.BruteForce);

    public OAuthClient? Find(ClientRole role) => clients.GetValueOrDefault(role);

    /// <summary>Every declared client, in role order: where a scenario looks for a client with a given capability.</summary>
    public IEnumerable<OAuthClient> All => clients.OrderBy(c => c.Key).Select(c => c.Value);

    /// <summary>The same roles with each client changed by <paramref name="change"/> (e.g. what a sandbox declares of it).</summary>
    public ClientRoster Select(Func<OAuthClient, OAuthClient> change) =>
        new(clients.ToDictionary(c => c.Key, c => change(c.Value)), environment);

    public bool TryGet(ClientRole role, out OAuthClient client)
    {
        client = Find(role)!;
        return client is not null;
    }

    /// <exception cref="MissingRoleException">the environment declares no such client.</exception>
    public OAuthClient Require(ClientRole role) =>
        Find(role) ?? throw new MissingRoleException(role.Describe(), $"clients.{role.Key()}", environment);

    /// <summary>The <c>clients</c> section, one client per role it declares; null when there is none.</summary>
    internal static ClientRoster? Read(SettingsNode? node, BrandRoster? brands, string environment)
    {
        if (node is null)
            return null;

        var clients = new Dictionary<ClientRole, OAuthClient>();
        foreach (var role in ClientRoles.All)
        {
            if (node.Object(role.Key()) is { } child && OAuthClient.Read(child, role, brands) is { } client)
                clients[role] = client;
        }

        return new ClientRoster(clients, environment);
    }
}
