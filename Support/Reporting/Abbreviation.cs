namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// Shortens text for a line a person reads without cutting a word, a redaction mark («token:…») or a field: at the
/// last field boundary (a comma or semicolon, as between JSON fields or the parts of an answer) when that keeps most
/// of the room, otherwise at the last space. The full text stays in the reports.
/// </summary>
public static class Abbreviation
{
    public const string Ellipsis = "…";

    // A field boundary further back than this share of the room would waste the line: a space is cut at instead.
    private const double FieldBoundaryShare = 0.6;

    public static string AtBoundary(string text, int width)
    {
        if (text.Length <= width)
            return text;
        var room = Math.Max(1, width - Ellipsis.Length - 1);
        var field = text.LastIndexOfAny([',', ';'], room - 1);
        var space = LastSpace(text, room);
        var cut = field >= room * FieldBoundaryShare ? field + 1
            : space > 0 ? space
            : field > 0 ? field + 1
            : room; // one word longer than the line: nothing else to cut at
        return text[..cut].TrimEnd() + " " + Ellipsis;
    }

    /// <summary>The last whitespace at or before <paramref name="end"/>, outside a redaction mark.</summary>
    private static int LastSpace(string text, int end)
    {
        for (var i = Math.Min(end, text.Length - 1); i > 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
                continue;
            var opened = text.LastIndexOf('«', i);
            if (opened < 0 || text.LastIndexOf('»', i) > opened)
                return i;
        }
        return -1;
    }
}
