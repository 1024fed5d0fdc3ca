using System.Net.Http.Headers;
using System.Text.Json;

namespace Rator.Sandbox.Tests.Support;

/// <summary>A response read completely: status, every header, the body, and the JSON when it is JSON.</summary>
public sealed class Reply
{
    public required int Status { get; init; }
    public required string Body { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public JsonElement? Json { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public string? Str(string property) =>
        Json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    public bool HasProperty(string property) => Json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty(property, out _);

    public string? Error => Str("error");
    public string? AccessToken => Str("access_token");
    public string? RefreshToken => Str("refresh_token");

    public string? ContentType => Header("Content-Type");

    public static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(HttpHeaders source)
        {
            foreach (var h in source) headers[h.Key] = string.Join(", ", h.Value);
        }
        Add(response.Headers);
        Add(response.Content.Headers);
        JsonElement? json = null;
        try
        {
            if (body.Length > 0) json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        return new Reply { Status = (int)response.StatusCode, Body = body, Headers = headers, Json = json };
    }

    public override string ToString() => $"{Status} {Body}";
}
