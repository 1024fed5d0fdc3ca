using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Configuration;

/// <summary>
/// Every default is written once, in environments/environment.schema.json: a file that declares only the mandatory parts
/// loads into a profile whose every optional value is the schema's "default" for its key. A default added to the schema
/// without a reading here, or a reading whose key lost its default, fails too.
/// </summary>
public sealed class SchemaDefaultsTests
{
    /// <summary>The mandatory parts, and a client of every role (with an id and a secret only).</summary>
    private static readonly string Mandatory =
        """ "target": { "baseUrl": "https://rator.example.com/rator" }, "brands": { "primary": "BRAND1" }, "clients": { """
        + string.Join(", ", ClientRoles.All.Select(r => $$"""  "{{r.Key()}}": { "id": "{{r.Key()}}", "secret": "s3cret-value" }""")) + " }";

    /// <summary>Every optional section present and empty.</summary>
    private static readonly string MinimalFile =
        "{" + Mandatory + """, "tokenEndpoint": { "brandParameter": {}, "clientCredentials": {} }, "resources": {}, "policy": {}, "tls": {}, "proxy": {} }""";

    /// <summary>Each key with a schema default, and what the loaded profile holds for it, in the schema's units.</summary>
    private static readonly Dictionary<string, Func<EnvironmentProfile, JsonNode?>> Readings = new Dictionary<string, Func<EnvironmentProfile, JsonNode?>>
    {
        ["target.embeddedSandbox"] = p => p.Target.EmbeddedSandbox,
        ["target.unavailableWaitSeconds"] = p => (int)p.Target.UnavailableWait.TotalSeconds,
        ["allowInsecureHttp"] = p => p.AllowInsecureHttp,
        ["requestTimeoutSeconds"] = p => (int)p.RequestTimeout.TotalSeconds,
        ["intrusiveProbes"] = p => p.IntrusiveProbes,
        ["maxExpiryWaitSeconds"] = p => (int)p.MaxExpiryWait.TotalSeconds,
        ["tokenEndpoint.path"] = p => p.TokenEndpoint.Path,
        ["tokenEndpoint.brandParameter.name"] = p => p.TokenEndpoint.BrandParameter.Name,
        ["tokenEndpoint.brandParameter.place"] = p => p.TokenEndpoint.BrandParameter.Place == ParameterPlace.Form ? "form" : "query",
        ["tokenEndpoint.operatorGrantType"] = p => p.TokenEndpoint.OperatorGrantType,
        ["tokenEndpoint.clientCredentials.offered"] = p => p.TokenEndpoint.ClientCredentials.Offered,
        ["tokenEndpoint.refreshTokenRotation"] = p => p.TokenEndpoint.RefreshTokenRotation,
        ["tokenEndpoint.accessTokenRevokedOnRefresh"] = p => p.TokenEndpoint.AccessTokenRevokedOnRefresh,
        ["tokenEndpoint.refreshTokenReuseLeewaySeconds"] = p => (int)p.TokenEndpoint.RefreshTokenReuseLeeway.TotalSeconds,
        ["tokenEndpoint.brandRejectionStatus"] = p => new JsonArray([.. p.TokenEndpoint.BrandRejectionStatus.Select(s => (JsonNode)s)]),
        ["resources.brandRejectionStatus"] = p => new JsonArray([.. p.Resources.BrandRejectionStatus.Select(s => (JsonNode)s)]),
        ["resources.balance"] = p => new JsonObject { ["path"] = p.Resources.Balance.Path },
        ["resources.operatorOnly"] = p => p.Resources.OperatorOnly is { } probe ? new JsonObject { ["path"] = probe.Path } : null,
        ["policy.gating"] = p => new JsonArray([.. p.Policy.Gating.Select(g => (JsonNode)g)]),
        ["policy.knownIssues"] = p => new JsonObject(p.Policy.KnownIssues.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))),
        ["tls.expiryWarningDays"] = p => p.Tls.ExpiryWarningDays,
        ["proxy.noProxy"] = p => new JsonArray([.. p.Proxy.NoProxy.Select(h => (JsonNode)h)]),
    }.Concat(ClientRoles.All.Select(role => KeyValuePair.Create<string, Func<EnvironmentProfile, JsonNode?>>(
        $"clients.{role.Key()}.scopes", p => new JsonArray([.. p.Clients.Require(role).Scopes.Select(s => (JsonNode)s)]))))
        .ToDictionary();

    [Test]
    public void Every_key_with_a_schema_default_has_a_reading_here_and_no_reading_lacks_one() =>
        Readings.Keys.Should().BeEquivalentTo(SchemaDefaults().Keys, "every schema default is checked against the loaded profile");

    [TestCaseSource(nameof(DefaultKeys))]
    public void A_file_without_the_key_loads_the_schema_default(string key)
    {
        var profile = new EnvironmentLoader(new SecretRedactor(), Path.GetTempPath(), _ => null).Parse(MinimalFile, "minimal");

        var loaded = Readings[key](profile);

        JsonNode.DeepEquals(loaded, SchemaDefaults()[key]).Should().BeTrue(
            $"{key} defaults to {SchemaDefaults()[key]?.ToJsonString()} in the schema, and the profile of a file without it holds {loaded?.ToJsonString() ?? "null"}");
    }

    [Test]
    public void A_file_without_the_sections_loads_the_same_defaults_as_one_with_them_empty()
    {
        var loader = new EnvironmentLoader(new SecretRedactor(), Path.GetTempPath(), _ => null);
        var bare = loader.Parse("{" + Mandatory + "}", "bare");
        var empty = loader.Parse(MinimalFile, "minimal");

        foreach (var (key, read) in Readings)
            JsonNode.DeepEquals(read(bare), read(empty)).Should().BeTrue($"{key} is the schema's default whether its section is absent or empty");
    }

    private static IEnumerable<string> DefaultKeys() => Readings.Keys;

    /// <summary>Every key of the schema that has a "default", by its dotted path, following $ref into $defs.</summary>
    private static Dictionary<string, JsonNode?> SchemaDefaults()
    {
        var schema = EnvironmentSchema.Default.Document;
        var found = new Dictionary<string, JsonNode?>();

        JsonNode? Resolve(JsonNode? node) =>
            node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
                ? schema["$defs"]![reference["#/$defs/".Length..]]
                : node;

        void Walk(JsonNode? node, string path)
        {
            if (node?["properties"] is not JsonObject properties)
                return;
            foreach (var (key, property) in properties)
            {
                var at = path.Length == 0 ? key : $"{path}.{key}";
                if (property?["default"] is { } value)
                    found[at] = value.DeepClone();
                Walk(Resolve(property), at);
            }
        }

        Walk(schema, "");
        return found;
    }
}
