using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// The environment file discovery writes: every settled finding as its key with a "_found" note beside it (in the
/// same object, by key), every unsettled one and every role discovery cannot know under "_todo", and secrets as
/// ${VARIABLE} references to the very variables discovery read. It follows environments/environment.schema.json.
/// </summary>
public static class DraftEnvironment
{
    // Notes are prose for people: arrows and apostrophes stay as they are (the file is UTF-8 JSON either way).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema's default probes, written out so that a reader of the draft sees what is probed.</summary>
    private static readonly ResourceSettings Resources = new();

    public static JsonObject Build(DiscoveryResult result, DiscoveryCredentials credentials, string name, string schemaReference,
        DiscoveryTransport? transport = null)
    {
        var brand = credentials.Brand;
        var customer = new JsonObject
        {
            ["username"] = credentials.Username,
            ["password"] = $"${{{DiscoveryCredentials.PasswordVariable}}}",
        };
        if (credentials.BillingGroupId is { } billingGroup)
            customer["billingGroupId"] = billingGroup;
        if (credentials.CustomerId is { } customerId)
            customer["customerId"] = customerId;

        var file = new JsonObject
        {
            ["$schema"] = schemaReference,
            ["_comment"] = $"Drafted by discovery ({result.RequestsSent} requests to {result.BaseUrl.AbsoluteUri.TrimEnd('/')}). Each choice has a _found note: what was sent, what came back. "
                           + "Review the _todo entries: roles and choices discovery cannot know. Secrets are ${VARIABLE} references to the variables discovery read.",
            ["name"] = name,
            ["description"] = $"Discovered from {result.BaseUrl.AbsoluteUri.TrimEnd('/')}",
            ["target"] = new JsonObject(),
            ["allowInsecureHttp"] = false,
            ["requestTimeoutSeconds"] = (int)EnvironmentProfile.DefaultRequestTimeout.TotalSeconds,
            ["_intrusiveProbes"] = "left false: bursts of bad credentials (TE-11, PW-05, SH-06, SH-07) need accounts dedicated to testing",
            ["intrusiveProbes"] = false,
            ["tokenEndpoint"] = new JsonObject { ["path"] = new TokenEndpointSettings().Path },
            ["resources"] = new JsonObject
            {
                ["balance"] = new JsonObject { ["path"] = Resources.Balance.Path },
                ["operatorOnly"] = new JsonObject { ["path"] = Resources.OperatorOnly!.Path },
            },
            ["brands"] = new JsonObject
            {
                ["primary"] = brand,
                ["_todo"] = new JsonArray("secondary: another brand of the deployment, for the brand-binding scenarios (BK-*)"),
            },
            ["clients"] = new JsonObject
            {
                ["primary"] = new JsonObject
                {
                    ["id"] = credentials.ClientId,
                    ["secret"] = $"${{{DiscoveryCredentials.ClientSecretVariable}}}",
                },
                ["_todo"] = new JsonArray(
                    "second: another client, for the scenarios that bind tokens to their client",
                    "shortLived: a client with very short validities (accessTokenValiditySeconds, refreshTokenValiditySeconds), for the expiry scenarios",
                    "restricted: a client lacking some grants or brands (brands, grants)",
                    "serviceOnly: a client with client credentials only",
                    "bruteForce: a client dedicated to bursts of bad secrets (only with intrusiveProbes)"),
            },
            ["principals"] = new JsonObject
            {
                [brand] = new JsonObject
                {
                    ["customer"] = customer,
                    ["_todo"] = new JsonArray(
                        "otherCustomer, lockedCustomer, privilegedOperator: further users of the brand",
                        "bruteForceCustomer, timingCustomer, lockableCustomer: accounts the suite may lock (only where that is allowed)"
                        + (credentials.HasOperator ? "" : "; operator: set RATOR_DISCOVER_OPERATOR_USERNAME and RATOR_DISCOVER_OPERATOR_PASSWORD to discover it")),
                },
            },
            ["policy"] = new JsonObject { ["gating"] = new JsonArray(), ["knownIssues"] = new JsonObject() },
        };
        if (Tls(result.BaseUrl, transport) is { } tls)
            file["tls"] = tls;
        if (transport?.ProxySection is { } proxy)
            file["proxy"] = proxy.DeepClone();

        var findings = result.Findings.ToDictionary(f => f.Key, StringComparer.Ordinal);
        // Offered without a known operator would not load (the schema requires one): declared absent until named.
        if (findings.TryGetValue("tokenEndpoint.clientCredentials.offered", out var offered) && offered.Value?.GetValue<bool>() == true
            && findings.TryGetValue("tokenEndpoint.clientCredentials.operator", out var op) && !op.Settled)
        {
            findings[offered.Key] = offered with { Value = null, Note = $"{offered.Note}; declared false until the operator is named: then set offered to true" };
        }

        if (findings.TryGetValue("tokenEndpoint.operatorGrantType", out var operatorGrant) && operatorGrant.Settled)
        {
            ((JsonObject)file["principals"]![brand]!)["operator"] = new JsonObject
            {
                ["username"] = credentials.OperatorUsername,
                ["password"] = $"${{{DiscoveryCredentials.OperatorPasswordVariable}}}",
            };
        }

        foreach (var finding in findings.Values)
            Apply(file, finding);

        return file;
    }

    public static string Text(JsonObject file) => file.ToJsonString(Indented) + Environment.NewLine;

    /// <summary>How discovery reached the deployment (tls.caFile, tls.clientCertificate), and where TE-02 will try plain HTTP.</summary>
    private static JsonObject? Tls(Uri baseUrl, DiscoveryTransport? transport)
    {
        var tls = transport?.TlsSection.DeepClone().AsObject() ?? new JsonObject();
        if (baseUrl.Scheme == Uri.UriSchemeHttps && baseUrl.Port != 443)
            tls["_todo"] = new JsonArray($"plainHttpBaseUrl: the deployment's plain-HTTP address with its app context, for TE-02 (on port {baseUrl.Port} "
                                         + "there is nothing to guess); or null if credentials must never be sent in clear");
        return tls.Count == 0 ? null : tls;
    }

    private static void Apply(JsonObject file, Finding finding)
    {
        var segments = finding.Key.Split('.');
        var parent = file;
        foreach (var segment in segments[..^1])
        {
            if (parent[segment] is not JsonObject child)
                parent[segment] = child = new JsonObject();
            parent = child;
        }

        var key = segments[^1];
        if (finding.Settled)
        {
            parent[key] = finding.Value!.DeepClone();
            if (parent["_found"] is not JsonObject found)
                parent["_found"] = found = new JsonObject();
            found[key] = finding.Note;
        }
        else
        {
            if (parent["_todo"] is not JsonArray todo)
                parent["_todo"] = todo = new JsonArray();
            todo.Add($"{key}: {finding.Note}");
        }
    }
}
