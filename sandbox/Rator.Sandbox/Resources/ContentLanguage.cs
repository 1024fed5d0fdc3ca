using Microsoft.AspNetCore.Http;

namespace Rator.Sandbox.Resources;

/// <summary>The vendor's example sends Accept-Language: it; resources speak Italian and English.</summary>
internal static class ContentLanguage
{
    public const string Italian = "it";
    public const string English = "en";

    public static string Choose(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(v => v.StartsWith(Italian, StringComparison.OrdinalIgnoreCase) ||
                                 v.StartsWith(English, StringComparison.OrdinalIgnoreCase));
        return preferred?.StartsWith(Italian, StringComparison.OrdinalIgnoreCase) == true ? Italian : English;
    }
}
