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

    /// <summary>The Basic credentials of RFC 6749 §2.3.1: id and secret form-encoded, then joined and Base64-encoded.</summary>
    public static string BasicCredentials(string id, string secret, bool encode) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(encode ? $"{Encode(id)}:{Encode(secret)}" : $"{id}:{secret}"));
}
