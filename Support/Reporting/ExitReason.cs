using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// Why a run ended with its exit code, in one sentence a person can act on: summary.json's <c>reason</c>, the first
/// line of the console's summary and of the CI summaries. A run stopped by its preflight (a configuration error, an
/// unreachable target, a TLS finding) gives the preflight's own message (RunStatus.Message).
/// </summary>
public static class ExitReason
{
    public static string For(int exitCode, RunStatus? status, IReadOnlyList<ScenarioResult> results,
        IReadOnlyList<ArtifactSecretScan.Finding> leaks, string? selection)
    {
        if (status?.Outcome is RunOutcome.ConfigurationError or RunOutcome.Unreachable && status.Message is { Length: > 0 } stopped)
            return stopped;
        return exitCode switch
        {
            ExitCodes.SecretLeaked => Leaked(leaks, For(RunFinisher.DecideExitCode(status, results), status, results, [], selection)),
            ExitCodes.NothingSelected => selection is null
                ? "No scenario ran: the suite has none to run."
                : $"No scenario ran: none matches the selection {selection} (see -List); nothing was sent.",
            ExitCodes.Unreachable => Unavailable(status, results),
            ExitCodes.ContractFailures => Failures(results) + Outages(status) + Note(status),
            ExitCodes.ConfigurationError => "Configuration or usage error.",
            _ => Passed(results) + Outages(status) + Note(status),
        };
    }

    private static string Passed(IReadOnlyList<ScenarioResult> results)
    {
        var warnings = Ids(results.Where(r => r.Verdict == Verdicts.Warning));
        var others = new[] { (Verdicts.Warning, "warning"), (Verdicts.NotApplicable, "not applicable"), (Verdicts.Skipped, "skipped") }
            .Select(v => (Count: results.Count(r => r.Verdict == v.Item1), Name: v.Item2))
            .Where(v => v.Count > 0)
            .Select(v => v.Name == "warning" ? $"{Count(v.Count, "warning")} ({warnings})" : $"{v.Count} {v.Name}");
        var passed = results.Count(r => r.Verdict == Verdicts.Passed);
        return $"Every gating scenario passed: {passed} passed" + string.Concat(others.Select(o => ", " + o)) + ".";
    }

    private static string Failures(IReadOnlyList<ScenarioResult> results)
    {
        var failed = results.Where(r => r.Verdict == Verdicts.Failed).ToList();
        var errors = results.Where(r => r.Verdict == Verdicts.Error && !r.DeploymentUnavailable).ToList();
        var unjudged = results.Count(r => r.DeploymentUnavailable);
        var parts = new List<string>();
        if (failed.Count > 0)
            parts.Add($"{Count(failed.Count, "contract failure")} ({Ids(failed)})");
        if (errors.Count > 0)
            parts.Add($"{Count(errors.Count, "scenario")} in error ({Ids(errors)})");
        if (unjudged > 0)
            parts.Add($"{Count(unjudged, "scenario")} not judged while the deployment was unavailable");
        return string.Join("; ", parts) + ".";
    }

    private static string Unavailable(RunStatus? status, IReadOnlyList<ScenarioResult> results)
    {
        var outages = status?.Outages ?? [];
        var unjudged = results.Count(r => r.DeploymentUnavailable);
        var when = outages.Count == 0 ? "" : ": " + string.Join("; ", outages.Select(o => o.Describe()));
        return $"The deployment became unavailable during the run{when}. {Count(unjudged, "scenario")} could not be judged (ERROR); "
               + "no contract failure was found in the others." + Note(status);
    }

    private static string Outages(RunStatus? status) => status?.Outages is { Count: > 0 } outages
        ? $" The deployment was unavailable {string.Join("; ", outages.Select(o => o.Describe()))}; "
          + $"{Count(outages.Sum(o => o.ScenariosRunAgain), "scenario")} affected by it ran again."
        : "";

    // A message the run's hooks left on a completed run (a finding of the preflight that did not stop it).
    private static string Note(RunStatus? status) =>
        status is { Outcome: RunOutcome.Completed, Message: { Length: > 0 } message } ? " " + message : "";

    private static string Leaked(IReadOnlyList<ArtifactSecretScan.Finding> leaks, string verdict)
    {
        var files = leaks.Select(l => l.File).Distinct(StringComparer.Ordinal).ToList();
        return $"A secret value or an issued token was found in {Count(files.Count, "artifact")} of this run ({string.Join(", ", files)}): "
               + $"the reports must not be published. The run itself: {verdict}";
    }

    private static string Ids(IEnumerable<ScenarioResult> results)
    {
        var ids = results.SelectMany(r => RequirementCatalogue.IdsIn(r.Tags)).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? "no requirement ID" : string.Join(", ", ids);
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
