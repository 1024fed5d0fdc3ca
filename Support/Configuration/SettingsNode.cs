using System.Text.Json;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// A JSON object of an environment file being read: typed getters that record a problem (with its JSON path)
/// instead of throwing, and remember which keys were read so the rest can be reported as unknown.
/// Keys starting with '_' are comments (the "_comment" convention) and always allowed.
/// </summary>
internal sealed class SettingsNode
{
    private readonly JsonElement element;
    private readonly SettingsReadContext context;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public SettingsNode(JsonElement element, string path, SettingsReadContext context)
    {
        this.element = element;
        this.context = context;
        Path = path;
    }

    public string Path { get; }

    public bool Has(string key) => element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The key is present with the value null: "there is none", as opposed to absent ("the default").</summary>
    public bool IsNull(string key) => element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Null;

    public string At(string key) => $"{Path}.{key}";

    /// <summary>True when the value holds a ${VARIABLE} reference (an empty result was then reported as a missing variable).</summary>
    public bool ReferencesVariable(string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Contains("${", StringComparison.Ordinal);

    public void Error(string key, string message) => context.Error($"{At(key)}: {message}");

    public string? String(string key, bool required = false, bool secret = false)
    {
        if (!TryGet(key, required, "a string", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(key, $"expected a string, found {Describe(value)}");
            return null;
        }

        var resolved = context.Resolve(value.GetString()!, At(key), secret);
        if (secret && resolved.Length > 0)
        {
            context.Secrets.Add(new LoadedSecret(At(key), resolved));
        }

        if (required && resolved.Length == 0 && !value.GetString()!.Contains("${", StringComparison.Ordinal))
        {
            Error(key, "must not be empty");
        }

        return resolved;
    }

    public bool Bool(string key, bool fallback)
    {
        if (!TryGet(key, false, "true or false", out var value))
        {
            return fallback;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(key, $"expected true or false, found {Describe(value)}");
        return fallback;
    }

    public int? Int(string key, int min, int max, bool required = false)
    {
        if (!TryGet(key, required, "a number", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            if (number >= min && number <= max)
            {
                return number;
            }

            Error(key, $"{number} is out of range ({min} to {max})");
            return null;
        }

        Error(key, $"expected a whole number from {min} to {max}, found {Describe(value)}");
        return null;
    }

    public IReadOnlyList<int>? IntList(string key, int min, int max)
    {
        var items = Array(key, "a list of numbers");
        if (items is null)
        {
            return null;
        }

        var result = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var number) && number >= min && number <= max)
            {
                result.Add(number);
            }
            else
            {
                context.Error($"{At(key)}[{i}]: expected a whole number from {min} to {max}, found {Describe(item)}");
            }
        }

        if (result.Count == 0 && items.Count == 0)
        {
            Error(key, "must list at least one value");
        }

        return result;
    }

    public IReadOnlyList<string>? StringList(string key)
    {
        var items = Array(key, "a list of strings");
        if (items is null)
        {
            return null;
        }

        var result = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{At(key)}[{i}]";
            if (items[i].ValueKind == JsonValueKind.String)
            {
                result.Add(context.Resolve(items[i].GetString()!, path, secret: false));
            }
            else
            {
                context.Error($"{path}: expected a string, found {Describe(items[i])}");
            }
        }

        return result;
    }

    public SettingsNode? Object(string key, bool required = false)
    {
        if (!TryGet(key, required, "an object", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return new SettingsNode(value, At(key), context);
        }

        Error(key, $"expected an object, found {Describe(value)}");
        return null;
    }

    /// <summary>Every non-comment key of a map-like object (brands of principals, known issues), all marked as read.</summary>
    public IEnumerable<(string Key, JsonElement Value)> Entries()
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!property.Name.StartsWith('_'))
            {
                read.Add(property.Name);
                yield return (property.Name, property.Value);
            }
        }
    }

    public SettingsNode Child(string key, JsonElement value) => new(value, At(key), context);

    public string? ResolveString(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return context.Resolve(value.GetString()!, At(key), secret: false);
        }

        Error(key, $"expected a string, found {Describe(value)}");
        return null;
    }

    /// <summary>Reports every key this object has that nobody read: a typo would otherwise be silently ignored.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!property.Name.StartsWith('_') && !read.Contains(property.Name))
            {
                var known = read.Count == 0 ? "" : $" (known here: {string.Join(", ", read.Order(StringComparer.Ordinal))})";
                context.Error($"{At(property.Name)}: unknown key{known}");
            }
        }
    }

    /// <summary>Declares keys as known even when absent, so the unknown-key message can list them.</summary>
    public void Expect(params string[] keys) => read.UnionWith(keys);

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private IReadOnlyList<JsonElement>? Array(string key, string expected)
    {
        if (!TryGet(key, false, expected, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().ToList();
        }

        Error(key, $"expected {expected}, found {Describe(value)}");
        return null;
    }

    private bool TryGet(string key, bool required, string expected, out JsonElement value)
    {
        read.Add(key);
        if (element.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Error(key, $"missing (expected {expected})");
        }

        return false;
    }
}
