using System.Text.Json;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// A JSON object of an environment file being read: typed getters that resolve ${VARIABLE} references and collect
/// secrets. The shape (types, ranges, required and unknown keys) is the schema's to judge (EnvironmentSchema), so a
/// value of the wrong kind reads as absent here rather than being reported twice.
/// Keys starting with '_' are comments (the "_comment" convention).
/// </summary>
internal sealed class SettingsNode
{
    private readonly JsonElement element;
    private readonly SettingsReadContext context;

    public SettingsNode(JsonElement element, string path, SettingsReadContext context)
    {
        this.element = element;
        this.context = context;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The key is present with the value null: "there is none", as opposed to absent ("the default").</summary>
    public bool IsNull(string key) => element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Null;

    public string At(string key) => $"{Path}.{key}";

    public void Error(string key, string message) => context.Error($"{At(key)}: {message}");

    public string? String(string key, bool secret = false)
    {
        if (!TryGet(key, JsonValueKind.String, out var value))
        {
            return null;
        }

        var resolved = context.Resolve(value.GetString()!, At(key), secret);
        if (secret && resolved.Length > 0)
        {
            context.Secrets.Add(new LoadedSecret(At(key), resolved));
        }

        return resolved;
    }

    /// <summary>A path relative to the base URL: a leading '/' would leave the app context, so it is dropped.</summary>
    public string? RelativePath(string key) => String(key)?.TrimStart('/');

    public bool Bool(string key, bool fallback) =>
        element.TryGetProperty(key, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : fallback;

    public int? Int(string key) =>
        TryGet(key, JsonValueKind.Number, out var value) && value.TryGetInt32(out var number) ? number : null;

    public IReadOnlyList<int>? IntList(string key) =>
        TryGet(key, JsonValueKind.Array, out var items)
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out _)).Select(i => i.GetInt32()).ToList()
            : null;

    public IReadOnlyList<string>? StringList(string key) =>
        TryGet(key, JsonValueKind.Array, out var items)
            ? items.EnumerateArray().Select((item, i) => (item, i)).Where(x => x.item.ValueKind == JsonValueKind.String)
                .Select(x => context.Resolve(x.item.GetString()!, $"{At(key)}[{x.i}]", secret: false)).ToList()
            : null;

    public SettingsNode? Object(string key) =>
        TryGet(key, JsonValueKind.Object, out var value) ? new SettingsNode(value, At(key), context) : null;

    /// <summary>Every non-comment key of a map-like object (brands of principals, known issues).</summary>
    public IEnumerable<(string Key, JsonElement Value)> Entries() =>
        element.EnumerateObject().Where(p => !p.Name.StartsWith('_')).Select(p => (p.Name, p.Value));

    public SettingsNode Child(string key, JsonElement value) => new(value, At(key), context);

    public string? ResolveString(string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? context.Resolve(value.GetString()!, At(key), secret: false) : null;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private bool TryGet(string key, JsonValueKind kind, out JsonElement value) =>
        element.TryGetProperty(key, out value) && value.ValueKind == kind;
}
