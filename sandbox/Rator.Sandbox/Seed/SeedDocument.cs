namespace Rator.Sandbox.Seed;

/// <summary>The shape of seed.json (see the README's fixtures section).</summary>
internal sealed record SeedDocument(
    IReadOnlyList<SeedBrand> Brands,
    IReadOnlyList<SeedClient> Clients,
    IReadOnlyList<SeedCustomer> Customers,
    IReadOnlyList<SeedOperator> Operators,
    IReadOnlyList<SeedBillingGroup> BillingGroups);

internal sealed record SeedBrand(string Key, string? Name);

internal sealed record SeedClient(
    string ClientId,
    string? Secret,
    string? SecretHash,
    IReadOnlyList<string> Brands,
    IReadOnlyList<string> Grants,
    IReadOnlyList<string>? Scope,
    int AccessTokenValiditySeconds,
    int RefreshTokenValiditySeconds);

internal sealed record SeedCustomer(
    string CustomerId, string Brand, string Username, string? Password, string? PasswordHash, string? Name, bool Locked);

internal sealed record SeedOperator(
    string Brand, string Username, string? Password, string? PasswordHash, bool Privileged, bool Locked);

internal sealed record SeedBillingGroup(string BillingGroupId, string Brand, string CustomerId, decimal Balance, string Currency);
