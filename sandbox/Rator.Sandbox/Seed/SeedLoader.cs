using System.Collections.Concurrent;
using System.Text.Json;
using Rator.Sandbox.Security;

namespace Rator.Sandbox.Seed;

/// <summary>
/// Reads the seed (embedded or a file), checks it, and replaces plain secrets by hashes.
/// Hashed seeds are cached per source: PBKDF2 is deliberately slow, and tests start many hosts.
/// </summary>
internal static class SeedLoader
{
    private const string EmbeddedName = "Rator.Sandbox.Seed.seed.json";
    private static readonly ConcurrentDictionary<string, Lazy<SeedDocument>> Cache = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SeedDocument Load(string? path)
    {
        var key = path is null ? "embedded:" : "file:" + Path.GetFullPath(path);
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<SeedDocument>(() => Hash(Validate(Parse(path)))));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(key, out _); // a fixed file may be retried
            throw;
        }
    }

    private static SeedDocument Parse(string? path)
    {
        try
        {
            using var stream = path is null
                ? typeof(SeedLoader).Assembly.GetManifestResourceStream(EmbeddedName)
                  ?? throw new SandboxConfigurationException("The embedded seed is missing from the assembly.")
                : File.OpenRead(path);
            return JsonSerializer.Deserialize<SeedDocument>(stream, Json)
                   ?? throw new SandboxConfigurationException($"The seed '{path}' is empty.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new SandboxConfigurationException($"Cannot read the seed '{path ?? EmbeddedName}': {e.Message}", e);
        }
    }

    private static SeedDocument Validate(SeedDocument seed)
    {
        var brands = (seed.Brands ?? []).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        void Require(bool condition, string problem)
        {
            if (!condition) throw new SandboxConfigurationException($"Invalid seed: {problem}.");
        }

        Require(brands.Count > 0, "no brands");
        foreach (var c in seed.Clients ?? [])
        {
            Require(!string.IsNullOrWhiteSpace(c.ClientId), "a client without clientId");
            Require(c.Secret is not null || c.SecretHash is not null, $"client {c.ClientId} has no secret");
            Require((c.Brands ?? []).All(brands.Contains), $"client {c.ClientId} names an unknown brand");
            Require(c.AccessTokenValiditySeconds > 0 && c.RefreshTokenValiditySeconds > 0,
                $"client {c.ClientId} needs positive validities");
        }
        foreach (var u in seed.Customers ?? [])
        {
            Require(brands.Contains(u.Brand), $"customer {u.Username} has an unknown brand");
            Require(u.Password is not null || u.PasswordHash is not null, $"customer {u.Username} has no password");
        }
        foreach (var o in seed.Operators ?? [])
        {
            Require(brands.Contains(o.Brand), $"operator {o.Username} has an unknown brand");
            Require(o.Password is not null || o.PasswordHash is not null, $"operator {o.Username} has no password");
        }
        var customers = (seed.Customers ?? []).ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        foreach (var g in seed.BillingGroups ?? [])
            Require(customers.TryGetValue(g.CustomerId, out var owner) && owner.Brand == g.Brand,
                $"billing group {g.BillingGroupId} needs an owner of its brand");
        return seed with
        {
            Clients = seed.Clients ?? [],
            Customers = seed.Customers ?? [],
            Operators = seed.Operators ?? [],
            BillingGroups = seed.BillingGroups ?? [],
        };
    }

    private static SeedDocument Hash(SeedDocument seed) => seed with
    {
        Clients = seed.Clients.Select(c => c with { SecretHash = c.SecretHash ?? SecretHasher.Hash(c.Secret!), Secret = null }).ToList(),
        Customers = seed.Customers.Select(u => u with { PasswordHash = u.PasswordHash ?? SecretHasher.Hash(u.Password!), Password = null }).ToList(),
        Operators = seed.Operators.Select(o => o with { PasswordHash = o.PasswordHash ?? SecretHasher.Hash(o.Password!), Password = null }).ToList(),
    };
}
