using System.Text.Json;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// The one name a run gives its environment: the file's declared <c>name</c>, or the file name (without .json) when
/// none is declared. Read on its own, before and whatever the validation of the rest of the file, so that a run
/// stopped by a configuration error names its environment as every later run of the same file does.
/// </summary>
public static class EnvironmentName
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="lookup">variables for a name written as a ${VARIABLE}; default the process environment.</param>
    public static string Of(string environmentFile, Func<string, string?>? lookup = null)
    {
        var fileName = Path.GetFileNameWithoutExtension(environmentFile);
        try
        {
            return FromText(File.ReadAllText(environmentFile), fileName, lookup);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fileName;
        }
    }

    /// <summary>The declared name in an environment file's text, or <paramref name="fallback"/>.</summary>
    public static string FromText(string json, string fallback, Func<string, string?>? lookup = null)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Lenient);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("name", out var declared)
                || declared.ValueKind != JsonValueKind.String
                || declared.GetString() is not { Length: > 0 } name)
                return fallback;
            var resolver = new VariableResolver(lookup ?? Environment.GetEnvironmentVariable);
            var resolved = resolver.Resolve(name, "$.name", secret: false, _ => { });
            return resolver.Missing.Count == 0 && resolved.Trim().Length > 0 ? resolved.Trim() : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
