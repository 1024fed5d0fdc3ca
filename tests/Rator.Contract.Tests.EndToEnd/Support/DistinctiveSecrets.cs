using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// The embedded sandbox with secrets no file of the repository holds: every client secret and password of
/// environments/local.json gets a fresh random value, the environment refers to it as a ${VARIABLE}, and a custom
/// sandbox seed (RATOR_SANDBOX_SEED, the format of sandbox/Rator.Sandbox/Seed/seed.json) makes the sandbox accept it.
/// A green run therefore proves the values were really used, and any trace of them in an artifact is a leak.
/// </summary>
public sealed class DistinctiveSecrets
{
    public const string SeedVariable = "RATOR_SANDBOX_SEED";

    private DistinctiveSecrets(string environmentFile, string seedFile, IReadOnlyList<Secret> secrets)
    {
        EnvironmentFile = environmentFile;
        SeedFile = seedFile;
        Secrets = secrets;
    }

    /// <summary>One secret: its variable, its value, where the environment uses it, and the client id for Basic credentials.</summary>
    public sealed record Secret(string Variable, string Value, string Where, string? ClientId);

    public string EnvironmentFile { get; }
    public string SeedFile { get; }
    public IReadOnlyList<Secret> Secrets { get; }

    public static DistinctiveSecrets Create(ScratchFolder scratch)
    {
        var environment = EnvironmentFiles.Local();
        environment["name"] = "e2e-secrets";
        var secrets = new List<Secret>();

        foreach (var (role, client) in environment["clients"]!.AsObject())
        {
            // One secret keeps RFC 6749 §2.3.1's special characters, so every encoded form is really exercised.
            var value = secrets.Count == 1 ? $"Zq:{Random()}+&=%/x" : $"E2e-Client-{Random()}";
            secrets.Add(Replace(client!.AsObject(), "secret", $"E2E_CLIENT_SECRET_{secrets.Count}", value,
                $"$.clients.{role}.secret", client["id"]!.GetValue<string>()));
        }

        foreach (var (brand, roles) in environment["principals"]!.AsObject())
            foreach (var (role, principal) in roles!.AsObject())
                secrets.Add(Replace(principal!.AsObject(), "password", $"E2E_PASSWORD_{secrets.Count}", $"E2e-Pass-{Random()}",
                    $"$.principals.{brand}.{role}.password", null));

        var seed = JsonNode.Parse(File.ReadAllText(Repository.SandboxSeed))!.AsObject();
        var clientSecrets = secrets.Where(s => s.ClientId is not null).ToDictionary(s => s.ClientId!, s => s.Value);
        var passwords = secrets.Where(s => s.ClientId is null)
            .ToDictionary(s => environment.Find(s.Where)!["username"]!.GetValue<string>(), s => s.Value);
        foreach (var client in seed["clients"]!.AsArray())
            if (clientSecrets.TryGetValue(client!["clientId"]!.GetValue<string>(), out var secret))
                client["secret"] = secret;
        foreach (var list in new[] { "customers", "operators" })
            foreach (var principal in seed[list]!.AsArray())
                if (passwords.TryGetValue(principal!["username"]!.GetValue<string>(), out var password))
                    principal["password"] = password;

        return new DistinctiveSecrets(environment.Write(scratch, "e2e-secrets.json"),
            scratch.Write("seed.json", seed.ToJsonString(new JsonSerializerOptions { WriteIndented = true })), secrets);
    }

    public ScriptRun Apply(ScriptRun run)
    {
        foreach (var secret in Secrets)
            run.WithVariable(secret.Variable, secret.Value);
        return run.WithVariable(SeedVariable, SeedFile);
    }

    private static Secret Replace(JsonObject holder, string key, string variable, string value, string where, string? clientId)
    {
        holder[key] = $"${{{variable}}}";
        return new Secret(variable, value, where, clientId);
    }

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}

internal static class JsonPaths
{
    /// <summary>The object holding the value at a "$.a.b.c" path (its parent).</summary>
    public static JsonObject? Find(this JsonObject root, string path)
    {
        var parts = path.Split('.')[1..^1];
        JsonNode? node = root;
        foreach (var part in parts)
            node = node?[part];
        return node as JsonObject;
    }
}
