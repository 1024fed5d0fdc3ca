using System.Text.Json;

namespace Rator.Bench;

/// <summary>
/// The sandbox's published client secrets and passwords, read from environments/local.json (literal there),
/// to put back what the suite's evidence shows as «redacted».
/// </summary>
public sealed class FixtureSecrets
{
    private readonly Dictionary<string, string> clientSecrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> passwords = new(StringComparer.Ordinal);

    public const string PrimaryClient = "rator-web";

    public static FixtureSecrets Load(string environmentFile)
    {
        var secrets = new FixtureSecrets();
        using var doc = JsonDocument.Parse(File.ReadAllText(environmentFile));
        foreach (var client in doc.RootElement.GetProperty("clients").EnumerateObject())
            if (client.Value.TryGetProperty("id", out var id) && client.Value.TryGetProperty("secret", out var secret))
                secrets.clientSecrets[id.GetString()!] = secret.GetString()!;
        foreach (var brand in doc.RootElement.GetProperty("principals").EnumerateObject())
            foreach (var principal in brand.Value.EnumerateObject())
                if (principal.Value.TryGetProperty("username", out var user) && principal.Value.TryGetProperty("password", out var password))
                    secrets.passwords[user.GetString()!] = password.GetString()!;
        return secrets;
    }

    /// <summary>The client's secret; a made-up one for clients the sandbox does not know.</summary>
    public string ClientSecret(string clientId) => clientSecrets.GetValueOrDefault(clientId, "not-a-known-secret");

    /// <summary>The principal's password; a made-up one for unknown names.</summary>
    public string Password(string username) => passwords.GetValueOrDefault(username, "not-a-known-password");
}
