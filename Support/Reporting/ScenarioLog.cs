using System.Text.Json;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// The run's scenario results as JSON lines. Scenarios finish on several workers at once, so appends
/// are serialised; each line is complete on its own, so a crashed run still leaves readable evidence.
/// </summary>
public sealed class ScenarioLog(string reportDirectory)
{
    private readonly object _gate = new();

    public string Path { get; } = System.IO.Path.Combine(reportDirectory, ReportFiles.ScenarioLog);

    /// <summary>Raised once a result is in the log (the in-process run's progress line counts these).</summary>
    public static event Action<ScenarioResult>? Appended;

    public void Append(ScenarioResult result)
    {
        var line = JsonSerializer.Serialize(result, ReportJson.Compact) + "\n";
        lock (_gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.AppendAllText(Path, line);
        }
        Appended?.Invoke(result);
    }

    public static IReadOnlyList<ScenarioResult> Read(string reportDirectory)
    {
        var path = System.IO.Path.Combine(reportDirectory, ReportFiles.ScenarioLog);
        if (!File.Exists(path))
            return [];
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<ScenarioResult>(line, ReportJson.Compact)!)
            .ToList();
    }
}
