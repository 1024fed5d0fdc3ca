using System.Reflection;
using System.Security.Cryptography;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// manifest.json, the release evidence: which suite (version and commit) checked which environment with
/// which selection, each scenario with its requirement IDs and verdict, and a SHA-256 of every artifact,
/// so a stored report can be shown to be the one the run produced.
/// </summary>
public static class RunManifest
{
    public static void Write(string reportDirectory, RunStatus? status, string? selection, int exitCode,
        IReadOnlyList<ScenarioResult> results, RunComparison? comparison = null)
    {
        var manifestPath = Path.Combine(reportDirectory, ReportFiles.Manifest);
        var artifacts = Directory.EnumerateFiles(reportDirectory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFullPath(f) != Path.GetFullPath(manifestPath))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new
            {
                path = Path.GetRelativePath(reportDirectory, f).Replace('\\', '/'),
                bytes = new FileInfo(f).Length,
                sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))),
            })
            .ToList();

        var assembly = typeof(RunManifest).Assembly;
        ReportJson.Write(manifestPath, new
        {
            suite = new
            {
                name = "Rator contract tests",
                version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString(),
                commit = Environment.GetEnvironmentVariable("RATOR_SUITE_COMMIT"),
            },
            environment = status?.Environment,
            environmentFacts = status?.EnvironmentFacts,
            selection,
            startedAt = status?.StartedAt,
            finishedAt = status?.FinishedAt,
            exitCode,
            comparison,
            scenarios = results.Select(r => new
            {
                feature = r.Feature,
                name = r.TestName,
                requirements = Compliance.RequirementCatalogue.IdsIn(r.Tags),
                verdict = r.Verdict,
                durationMs = r.DurationMs,
            }),
            artifacts,
        });
    }
}
