using System.Reflection;
using System.Security.Cryptography;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// manifest.json, the release evidence: which suite (version and commit) checked which environment with
/// which selection, why it ended as it did, each requirement with its verdict and how much of it ran, each scenario
/// with its requirement IDs and verdict, and a SHA-256 of every artifact, so a stored report can be shown to be the
/// one the run produced.
/// </summary>
public static class RunManifest
{
    /// <param name="environment">The run's one name for its environment (the file's declared name).</param>
    /// <param name="reason">Why the run ended with <paramref name="exitCode"/> (ExitReason).</param>
    public static void Write(string reportDirectory, RunStatus? status, string environment, string? selection, int exitCode, string reason,
        IReadOnlyList<ScenarioResult> results, ComplianceMatrix matrix, RunComparison? comparison = null)
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
            environment,
            environmentFacts = status?.EnvironmentFacts,
            selection,
            startedAt = status?.StartedAt,
            finishedAt = status?.FinishedAt,
            exitCode,
            reason,
            outages = status?.Outages ?? [],
            comparison,
            requirements = matrix.Rows.Where(r => r.Scenarios.Count > 0).Select(r => new
            {
                id = r.Requirement.Id,
                verdict = r.Verdict,
                ran = r.Ran,
                scenarioCount = r.Scenarios.Count,
                coverage = r.Coverage,
            }),
            scenarios = results.Select(r => new
            {
                feature = r.Feature,
                name = r.TestName,
                requirements = Compliance.RequirementCatalogue.IdsIn(r.Tags),
                verdict = r.Verdict,
                durationMs = r.DurationMs,
                attempts = r.Attempts,
            }),
            artifacts,
        });
    }
}
