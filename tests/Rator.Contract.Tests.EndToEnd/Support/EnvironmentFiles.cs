using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>Environment files (environments/README.md) written for one test, secrets as ${VARIABLE} references.</summary>
public static class EnvironmentFiles
{
    public const string ClientSecretVariable = "E2E_CLIENT_SECRET";
    public const string PasswordVariable = "E2E_CUSTOMER_PASSWORD";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The smallest environment the preflight and the @PW-01 scenario can use, aimed at <paramref name="baseUrl"/>.</summary>
    public static JsonObject ForTarget(string baseUrl, int requestTimeoutSeconds = 2) => new()
    {
        ["name"] = "e2e-target",
        ["description"] = "A target written by an end-to-end test",
        ["target"] = new JsonObject { ["baseUrl"] = baseUrl },
        ["requestTimeoutSeconds"] = requestTimeoutSeconds,
        ["brands"] = new JsonObject { ["primary"] = "BRAND1" },
        ["clients"] = new JsonObject
        {
            ["primary"] = new JsonObject { ["id"] = "rator-web", ["secret"] = $"${{{ClientSecretVariable}}}" },
        },
        ["principals"] = new JsonObject
        {
            ["BRAND1"] = new JsonObject
            {
                ["customer"] = new JsonObject
                {
                    ["username"] = "alice.b1",
                    ["password"] = $"${{{PasswordVariable}}}",
                    ["billingGroupId"] = "201506171857210002",
                    ["customerId"] = "C-1001",
                },
            },
        },
    };

    /// <summary>The variables <see cref="ForTarget"/> references, with values of their own.</summary>
    public static ScriptRun WithTargetSecrets(this ScriptRun run) => run
        .WithVariable(ClientSecretVariable, "E2e-Client-Secret-7Qw")
        .WithVariable(PasswordVariable, "E2e-Customer-Pass-3Zr");

    /// <summary>environments/local.json (the embedded sandbox) as the repository has it.</summary>
    public static JsonObject Local() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.EnvironmentsDirectory, "local.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();

    public static string Write(this JsonObject environment, ScratchFolder folder, string fileName) =>
        folder.Write(fileName, environment.ToJsonString(Indented));
}
