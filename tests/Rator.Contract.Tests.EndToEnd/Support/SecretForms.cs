using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// Every shape in which a secret value can travel into a file: as is, URL-encoded (RFC 3986 and form style, either hex
/// case), JSON-escaped (strict and relaxed encoders), HTML-escaped, Base64, and — for a client secret — the Basic
/// credentials Base64("id:secret"), raw and with both parts form-encoded first (RFC 6749 §2.3.1).
/// </summary>
public static class SecretForms
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<(string Form, string Text)> Of(string value, string? clientId = null)
    {
        var forms = new List<(string, string)>
        {
            ("raw", value),
            ("URL-encoded", Uri.EscapeDataString(value)),
            ("form-encoded", WebUtility.UrlEncode(value)),
            ("form-encoded, lower-case hex", LowerHex(WebUtility.UrlEncode(value))),
            ("JSON-escaped", JsonSerializer.Serialize(value)[1..^1]),
            ("JSON-escaped (relaxed)", JsonSerializer.Serialize(value, Relaxed)[1..^1]),
            ("HTML-escaped", WebUtility.HtmlEncode(value)),
            ("Base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(value))),
        };
        if (clientId is not null)
        {
            forms.Add(("Basic credentials", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{value}"))));
            forms.Add(("Basic credentials, form-encoded parts",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WebUtility.UrlEncode(clientId)}:{WebUtility.UrlEncode(value)}"))));
        }

        return forms.DistinctBy(f => f.Item2, StringComparer.Ordinal).ToList();
    }

    private static string LowerHex(string encoded)
    {
        var text = new StringBuilder(encoded);
        for (var i = 0; i + 2 < text.Length; i++)
            if (text[i] == '%')
            {
                text[i + 1] = char.ToLowerInvariant(text[i + 1]);
                text[i + 2] = char.ToLowerInvariant(text[i + 2]);
            }

        return text.ToString();
    }
}
