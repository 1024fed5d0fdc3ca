using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The report folder always holds the last run only, but only what runs wrote is ever deleted: a folder that holds
/// other files (a workspace, `-ReportDir .`) is refused rather than emptied. A run marks its folder with .rator-report.
/// </summary>
public static class ReportFolder
{
    public const string Marker = ".rator-report";

    public static void Prepare(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            // A folder of an earlier run without the marker still has its run/status.json.
            if (!File.Exists(Path.Combine(path, Marker)) && !File.Exists(Path.Combine(path, "run", "status.json")))
                throw new UsageException($"The report folder {path} holds files no run of this suite wrote; choose an empty or new folder with -ReportDir.");
            // The previous run's summary is the default baseline of this run's comparison (RunFinisher).
            var summary = Path.Combine(path, ReportFiles.Summary);
            var previous = File.Exists(summary) ? File.ReadAllBytes(summary) : null;
            foreach (var directory in Directory.EnumerateDirectories(path))
                Directory.Delete(directory, recursive: true);
            foreach (var file in Directory.EnumerateFiles(path))
                File.Delete(file);
            if (previous is not null)
            {
                Directory.CreateDirectory(Path.Combine(path, Path.GetDirectoryName(ReportFiles.Baseline)!));
                File.WriteAllBytes(Path.Combine(path, ReportFiles.Baseline), previous);
            }
        }
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, Marker), []);
    }
}
