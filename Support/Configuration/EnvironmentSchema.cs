using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// environments/environment.schema.json, the one source of truth for an environment file's keys (types, allowed
/// values, defaults, required parts), embedded in the suite so a run checks exactly what editors check. Each schema
/// error becomes one line in the loader's own words: its JSON path, what was expected and what was found. A string
/// value is quoted only where it is a choice (an enum, a requirement ID), never where a secret could stand.
/// </summary>
public sealed class EnvironmentSchema
{
    public const string ResourceName = "environment.schema.json";

    private static readonly Lazy<EnvironmentSchema> Shared = new(() => new EnvironmentSchema(ReadEmbedded()));

    // The named string kinds of the schema's $defs, each with the sentence the loader always used for them.
    private static readonly Dictionary<string, string> PatternMessages = new(StringComparer.Ordinal)
    {
        ["relativePath"] = "must be a path relative to the base URL, without scheme, query or spaces",
        ["resourcePath"] = "must contain the {id} placeholder (a path relative to the base URL, without query or spaces)",
        ["brandKey"] = "a brand key is a word without spaces or punctuation other than '_', '-', '.'",
        ["wireName"] = "not a grant type wire name (letters, digits, '_', '-', ':', '.')",
        ["requirementId"] = "is not a requirement ID (like PW-02; see Support/Compliance/requirements.json)",
    };

    // Why a required part matters, where the bare "missing" would leave the reader guessing.
    private static readonly Dictionary<string, string> MissingReasons = new(StringComparer.Ordinal)
    {
        ["$.tokenEndpoint.clientCredentials.operator"] = "client credentials acts on behalf of an operator (docs/contract.md V4); name one",
        ["$.clients.primary"] = "the preflight's first token needs the primary client",
    };

    private readonly JsonSchema schema;

    public EnvironmentSchema(string schemaText)
    {
        Document = JsonNode.Parse(schemaText) ?? throw new InvalidOperationException("the environment schema is empty");
        schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>The schema the suite was built with.</summary>
    public static EnvironmentSchema Default => Shared.Value;

    /// <summary>The schema as JSON, for tests and tools that walk its keys.</summary>
    public JsonNode Document { get; }

    /// <summary>The default the schema gives a whole-number key, by its path of property names ("target", "unavailableWaitSeconds").</summary>
    public int IntegerDefault(params string[] keys) => RequiredDefault(keys).GetValue<int>();

    public bool BooleanDefault(params string[] keys) => RequiredDefault(keys).GetValue<bool>();

    public string StringDefault(params string[] keys) => RequiredDefault(keys).GetValue<string>();

    public IReadOnlyList<int> IntegerListDefault(params string[] keys) =>
        RequiredDefault(keys).AsArray().Select(item => item!.GetValue<int>()).ToList();

    /// <summary>A string member of an object default: the path of <c>resources.balance</c>'s default probe, say.</summary>
    public string MemberDefault(string member, params string[] keys) =>
        RequiredDefault(keys)[member]?.GetValue<string>()
        ?? throw new InvalidOperationException($"the environment schema's default of {string.Join(".", keys)} has no {member}");

    private JsonNode RequiredDefault(string[] keys) =>
        DefaultOf(keys) ?? throw new InvalidOperationException($"the environment schema gives {string.Join(".", keys)} no default");

    /// <summary>The schema's "default" of a key, by its path of property names ("tls", "expiryWarningDays"); null when it has none.</summary>
    public JsonNode? DefaultOf(params string[] keys)
    {
        var property = keys.Aggregate((JsonNode?)Document, (node, key) => Resolve(node)?["properties"]?[key]);
        return property?["default"] ?? Resolve(property)?["default"]; // a default beside a $ref, or in the definition it names
    }

    /// <summary>Every problem of the file, in document order, each as "$.json.path: what is wrong".</summary>
    public IReadOnlyList<string> Problems(JsonElement root)
    {
        var results = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in results.Details ?? [])
        {
            var evaluationPath = detail.EvaluationPath.ToString();
            if (evaluationPath.StartsWith("/properties/target/oneOf", StringComparison.Ordinal))
            {
                problems.AddRange(TargetProblems(Find(root, ["target"])));
            }

            if (detail.Errors is not { Count: > 0 } errors || InsideAlternative(evaluationPath))
            {
                continue;
            }

            var instance = Segments(detail.InstanceLocation.ToString());
            var value = Find(root, instance);
            var path = JsonPath(root, instance);
            var (at, kind) = SchemaAt(Segments(evaluationPath));
            foreach (var keyword in errors.Keys)
            {
                problems.AddRange(Describe(keyword, evaluationPath, path, value, at, kind));
            }
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    private IEnumerable<string> Describe(string keyword, string evaluationPath, string path, JsonElement? value, JsonNode? at, string? kind)
    {
        switch (keyword)
        {
            case "required":
                var present = value is { ValueKind: JsonValueKind.Object } o
                    ? o.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                    : [];
                foreach (var name in (at?["required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).Where(n => !present.Contains(n)))
                {
                    var missing = $"{path}.{name}";
                    yield return MissingReasons.TryGetValue(missing, out var reason)
                        ? $"{missing}: missing: {reason}"
                        : $"{missing}: missing (expected {Expected(Resolve(at?["properties"]?[name]))})";
                }

                break;
            case "" or "false" when evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal):
                yield return UnknownKey(path, SchemaAt(Segments(evaluationPath)[..^1]).Node);
                break;
            case "type":
                yield return $"{path}: expected {Expected(at)}, found {SettingsNode.Describe(value ?? default)}";
                break;
            case "minimum" or "maximum":
                yield return evaluationPath.Contains("/items", StringComparison.Ordinal)
                    ? $"{path}: expected a whole number from {at?["minimum"]} to {at?["maximum"]}, found {SettingsNode.Describe(value ?? default)}"
                    : $"{path}: {value?.GetRawText()} is out of range ({at?["minimum"]} to {at?["maximum"]})";
                break;
            case "enum":
                var allowed = string.Join(" or ", (at?["enum"]?.AsArray() ?? []).Select(n => n!.ToJsonString().Trim('"')));
                var shown = value is { ValueKind: JsonValueKind.String } s ? $"'{s.GetString()}'" : value?.GetRawText();
                yield return path.EndsWith(".brandParameter.name", StringComparison.Ordinal)
                    ? $"{path}: {shown} is not a brand parameter name Rator documents ({allowed})"
                    : path.EndsWith(".brandParameter.place", StringComparison.Ordinal)
                        ? $"{path}: {shown} is not a place ({allowed})"
                        : $"{path}: {shown} is not one of {allowed}";
                break;
            case "pattern":
                var message = kind is not null && PatternMessages.TryGetValue(kind, out var known) ? known : $"does not match {at?["pattern"]}";
                yield return kind == "requirementId" && value is { ValueKind: JsonValueKind.String } id
                    ? $"{path}: '{id.GetString()}' {message}"
                    : $"{path}: {message}";
                break;
            case "minLength":
                yield return path.StartsWith("$.policy.knownIssues.", StringComparison.Ordinal)
                    ? $"{path}: give the reason or ticket of the known issue"
                    : $"{path}: must not be empty";
                break;
            case "minItems":
                yield return $"{path}: must list at least one value";
                break;
            case "$ref" or "properties" or "patternProperties" or "additionalProperties" or "items" or "then" or "if" or "allOf" or "oneOf" or "anyOf":
                break; // a summary of errors reported at their own place
            default:
                yield return $"{path}: does not satisfy the schema's '{keyword}'";
                break;
        }
    }

    private static IEnumerable<string> TargetProblems(JsonElement? target)
    {
        if (target is not { ValueKind: JsonValueKind.Object } t)
        {
            yield break; // its type error is reported on its own
        }

        var embedded = t.TryGetProperty("embeddedSandbox", out var e) && e.ValueKind == JsonValueKind.True;
        var hasUrl = t.TryGetProperty("baseUrl", out _);
        if (embedded && hasUrl)
        {
            yield return "$.target.baseUrl: give either \"embeddedSandbox\": true or a baseUrl, not both";
        }
        else if (!embedded && !hasUrl)
        {
            yield return "$.target.baseUrl: missing: give the deployment's base URL with its app context, or \"embeddedSandbox\": true";
        }
    }

    private static string UnknownKey(string path, JsonNode? parentSchema)
    {
        var known = (parentSchema?["properties"]?.AsObject() ?? []).Select(p => p.Key)
            .Where(k => k != "$schema").Order(StringComparer.Ordinal).ToList();
        return known.Count == 0 ? $"{path}: unknown key" : $"{path}: unknown key (known here: {string.Join(", ", known)})";
    }

    private static string Expected(JsonNode? at)
    {
        var type = at?["type"] switch
        {
            JsonArray types => types[0]?.GetValue<string>(),
            JsonValue single => single.GetValue<string>(),
            _ => null,
        };
        return type switch
        {
            "boolean" => "true or false",
            "integer" when at?["minimum"] is { } min => $"a whole number from {min} to {at["maximum"]}",
            "integer" => "a whole number",
            "string" => "a string",
            "array" => "a list",
            "object" => "an object",
            _ => "a value",
        };
    }

    // Errors inside a oneOf/anyOf/not/if branch belong to the alternative, not to the file.
    private static bool InsideAlternative(string evaluationPath) =>
        evaluationPath.Contains("/oneOf/", StringComparison.Ordinal) || evaluationPath.Contains("/anyOf/", StringComparison.Ordinal)
        || evaluationPath.Contains("/not", StringComparison.Ordinal) || evaluationPath.Contains("/if", StringComparison.Ordinal);

    private JsonNode? Resolve(JsonNode? node) =>
        node?["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith("#/", StringComparison.Ordinal)
            ? Segments(target[1..]).Aggregate((JsonNode?)Document, (n, s) => n?[s])
            : node;

    /// <summary>
    /// The subschema an evaluation path leads to, following each $ref, and the $defs entry last referenced (the
    /// named string kinds). Segments the schema does not hold (the evaluator's own bookkeeping) are passed over.
    /// </summary>
    private (JsonNode? Node, string? Kind) SchemaAt(List<string> evaluationPath)
    {
        var node = Document;
        string? kind = null;
        foreach (var segment in evaluationPath)
        {
            var next = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (segment == "$ref" && next is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith("#/", StringComparison.Ordinal))
            {
                var defSegments = Segments(target[1..]);
                kind = defSegments is ["$defs", var name] ? name : kind;
                next = Resolve(node);
            }

            node = next ?? node;
        }

        return (node, kind);
    }

    private static List<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();

    private static JsonElement? Find(JsonElement root, List<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string JsonPath(JsonElement root, List<string> segments)
    {
        var path = new StringBuilder("$");
        JsonElement? current = root;
        foreach (var segment in segments)
        {
            if (current is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, out var i))
            {
                path.Append('[').Append(i).Append(']');
                current = i < array.GetArrayLength() ? array[i] : null;
            }
            else
            {
                path.Append('.').Append(segment);
                current = current is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(segment, out var child) ? child : null;
            }
        }

        return path.ToString();
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the suite was built without its embedded {ResourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
