using System.Globalization;
using System.Text;

namespace Rator.Bench;

/// <summary>The benchmark's one table: each figure with its target (if it has one) and whether it is met.</summary>
public sealed class FigureTable
{
    private readonly List<(string Figure, string Measured, string Target, bool? Met)> rows = [];

    public bool AllTargetsMet => rows.All(r => r.Met != false);

    public void Add(string figure, string measured, string target = "", bool? met = null) => rows.Add((figure, measured, target, met));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Figure | Measured | Target | Met |");
        text.AppendLine("|---|---:|---|---|");
        foreach (var (figure, measured, target, met) in rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {measured} | {target} | {met switch { true => "met", false => "**not met**", null => "" }} |");
        return text.ToString();
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>"+1.1 ms", "−0.4 ms": parts of an overhead may be negative.</summary>
    public static string Signed(double ms) => (ms < 0 ? "−" : "+") + Ms(Math.Abs(ms));

    public static string Ratio(double r) => r.ToString("0.00", CultureInfo.InvariantCulture);
}
