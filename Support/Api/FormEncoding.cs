using System.Text;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>application/x-www-form-urlencoded as RFC 6749 Appendix B (and §2.3.1 for Basic credentials) specifies.</summary>
internal static class FormEncoding
{
    public static string Encode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '*')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    public static string Body(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));

    public static string Query(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Whether <paramref name="encoded"/> (a query string without '?', or a form body) reads as form fields: every field
    /// named, every percent-escape two hex digits, every decoded value valid UTF-8. Null or empty is well formed.
    /// </summary>
    public static bool IsWellFormed(string? encoded)
    {
        foreach (var field in (encoded ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals == 0 || !Decodes(equals < 0 ? field : field[..equals]) || (equals > 0 && !Decodes(field[(equals + 1)..])))
                return false;
        }

        return true;
    }

    private static bool Decodes(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }

            if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                return false;
            bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
            i += 2;
        }

        try
        {
            StrictUtf8.GetString([.. bytes]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The Basic credentials of RFC 6749 §2.3.1: id and secret form-encoded, then joined and Base64-encoded.</summary>
    public static string BasicCredentials(string id, string secret, bool encode) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(encode ? $"{Encode(id)}:{Encode(secret)}" : $"{id}:{secret}"));
}
