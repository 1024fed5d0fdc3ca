using System.Globalization;
using System.Security.Cryptography;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// Whether the built suite is current, decided without MSBuild (whose no-op build costs seconds): after a successful
/// build, run-tests.ps1 writes a stamp of every input — sources, features, environment files, project and props files,
/// reqnroll.json, the sandbox's sources — with its size, timestamp and content hash. The build is current when the
/// same files exist with the same sizes and either the same timestamps or, where a timestamp moved (a checkout, a
/// save without a change), the same content. Anything else — a file added, removed or changed — means a build.
/// </summary>
public static class BuildStamp
{
    public const string FileName = "build.stamp";

    /// <summary>`--if-built ROOT` found the build out of date: a code between the suite and run-tests.ps1 only, never a run's.</summary>
    public const int StaleExitCode = 10;

    // What the suite's build does not read: the suite's own tests, the benchmark, tools, CI files and every output.
    private static readonly HashSet<string> SkippedTopLevel = new(StringComparer.OrdinalIgnoreCase)
        { "tests", "bench", "tools", "pipelines", "reports", "node_modules", "TestResults" };
    private static readonly HashSet<string> SkippedAnywhere = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    public sealed record Entry(string Path, long Size, long Timestamp, string Hash);

    /// <summary>Every file the build reads, relative to the repository root, in ordinal order.</summary>
    public static IEnumerable<string> Inputs(string root)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root))
            files.Add(file);
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(directory);
            if (!name.StartsWith('.') && !SkippedTopLevel.Contains(name) && !SkippedAnywhere.Contains(name))
                Collect(directory, files);
        }
        return files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(Read).Order(StringComparer.Ordinal);
    }

    // Notes and scripts beside the code are not compiled; the glossary under Features/ is copied to the output.
    private static bool Read(string path) =>
        !Path.GetFileName(path).StartsWith('.')
        && Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".md" => path.StartsWith("Features/", StringComparison.Ordinal),
            ".ps1" or ".sln" => false,
            _ => true,
        };

    public static void Write(string root, string stampFile)
    {
        var lines = Inputs(root).Select(path =>
        {
            var info = new FileInfo(Path.Combine(root, path));
            return Format(new Entry(path, info.Length, info.LastWriteTimeUtc.Ticks, HashOf(info.FullName)));
        });
        var temporary = stampFile + ".tmp";
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, stampFile, overwrite: true);
    }

    /// <summary>Null when the build is current; otherwise the first input that differs, for the launcher's message.</summary>
    public static string? FirstChange(string root, string stampFile)
    {
        if (!File.Exists(stampFile))
            return "no build stamp";
        var stamped = File.ReadLines(stampFile).Select(Parse).OfType<Entry>().ToDictionary(e => e.Path, StringComparer.Ordinal);
        var seen = 0;
        foreach (var path in Inputs(root))
        {
            seen++;
            if (!stamped.TryGetValue(path, out var entry))
                return $"{path} is new";
            var info = new FileInfo(Path.Combine(root, path));
            if (info.Length != entry.Size)
                return $"{path} changed";
            if (info.LastWriteTimeUtc.Ticks != entry.Timestamp && HashOf(info.FullName) != entry.Hash)
                return $"{path} changed";
        }
        return seen == stamped.Count ? null : "an input was removed";
    }

    private static void Collect(string directory, List<string> files)
    {
        files.AddRange(Directory.EnumerateFiles(directory));
        foreach (var child in Directory.EnumerateDirectories(directory))
            if (!SkippedAnywhere.Contains(Path.GetFileName(child)) && !Path.GetFileName(child).StartsWith('.'))
                Collect(child, files);
    }

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string Format(Entry e) =>
        string.Join('\t', e.Path, e.Size.ToString(CultureInfo.InvariantCulture), e.Timestamp.ToString(CultureInfo.InvariantCulture), e.Hash);

    private static Entry? Parse(string line)
    {
        var parts = line.Split('\t');
        return parts.Length == 4
               && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
               && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp)
            ? new Entry(parts[0], size, timestamp, parts[3])
            : null;
    }
}
