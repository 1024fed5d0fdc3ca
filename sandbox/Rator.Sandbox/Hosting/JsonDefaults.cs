using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rator.Sandbox.Hosting;

internal static class JsonDefaults
{
    /// <summary>Relaxed escaping so descriptions read as written; property names are given explicitly.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
