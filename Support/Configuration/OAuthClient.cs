namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// An OAuth client: its id and secret, and what the environment says about it (null = not declared).
/// Scenarios derive wrong-secret or unknown clients with <c>client with { Secret = ... }</c>.
/// </summary>
public sealed record OAuthClient(string Id, string Secret)
{
    public ClientRole? Role { get; init; }

    /// <summary>The brands the client may act for; null means every declared brand.</summary>
    public IReadOnlyList<string>? Brands { get; init; }

    /// <summary>The grant wire names the client has; null means every grant the deployment offers.</summary>
    public IReadOnlyList<string>? Grants { get; init; }

    /// <summary>The scopes registered for the client; empty when the file declares none (then learned from a token).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public TimeSpan? AccessTokenValidity { get; init; }
    public TimeSpan? RefreshTokenValidity { get; init; }

    /// <summary>The file declares the grant for this client, or declares no grant list (every grant offered).</summary>
    public bool HasGrant(string wireName) => Grants is null || Grants.Contains(wireName, StringComparer.Ordinal);

    /// <summary>The file declares the brand for this client, or declares no brand list (every declared brand).</summary>
    public bool AllowsBrand(string brand) => Brands is null || Brands.Contains(brand, StringComparer.OrdinalIgnoreCase);

    /// <summary>One client of the <c>clients</c> section; null without an id and a secret (reported as missing).</summary>
    internal static OAuthClient? Read(SettingsNode node, ClientRole role, BrandRoster? brands)
    {
        var id = node.String("id");
        var secret = node.String("secret", secret: true);
        var access = node.Int("accessTokenValiditySeconds");
        var refresh = node.Int("refreshTokenValiditySeconds");
        var clientBrands = node.StringList("brands");

        if (clientBrands is not null && brands is not null)
        {
            foreach (var brand in clientBrands.Where(b => !brands.IsDeclared(b)))
                node.Error("brands", $"'{brand}' is not a declared brand (brands: {brands})");
        }

        if (id is null || secret is null)
            return null;

        return new OAuthClient(id, secret)
        {
            Role = role,
            Brands = clientBrands,
            Grants = node.StringList("grants"),
            Scopes = node.StringList("scopes") ?? [],
            AccessTokenValidity = access is { } a ? TimeSpan.FromSeconds(a) : null,
            RefreshTokenValidity = refresh is { } r ? TimeSpan.FromSeconds(r) : null,
        };
    }

    // Records print every property; the secret must never reach a log or an assertion message.
    public override string ToString() => Role is { } role ? $"{role.Describe()} {Id}" : $"client {Id}";
}
