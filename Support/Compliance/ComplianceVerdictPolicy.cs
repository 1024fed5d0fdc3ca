using NUnit.Framework;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Compliance;

/// <summary>
/// The runner's verdict hook, speaking the catalogue: a broken gating requirement fails, a broken advisory
/// one warns, known issues warn (and a pass says they appear fixed). Every message is redacted once more on
/// its way out, so a token that slipped into an assertion message never reaches a report.
/// </summary>
/// <param name="reproductions">The curl commands re-sending the failing step's requests (filled by the scenario's last hook,
/// before the verdict): appended to a failure or warning, so JUnit and TRX carry them too.</param>
/// <param name="judged">What a scenario judging the whole run covered (filled by the same hook): a pass says it.</param>
public sealed class ComplianceVerdictPolicy(CompliancePolicy policy, RequirementCatalogue catalogue, SecretRedactor redactor,
    Func<IReadOnlyList<string>>? reproductions = null, Func<JudgedAnswers?>? judged = null) : IScenarioVerdictPolicy
{
    public ScenarioDisposition Decide(ScenarioRunInfo scenario, Exception? error)
    {
        switch (error)
        {
            case ScenarioSkippedException skipped:
                return ScenarioDisposition.Skip(skipped.Reason);
            case ScenarioNotApplicableException notApplicable:
                return ScenarioDisposition.NotApplicable(notApplicable.Reason);
            case MissingRoleException missing:
                return ScenarioDisposition.Skip(missing.Message);
            case ScenarioNotJudgedException notJudged:
                // Nothing was judged, so nothing is broken and nothing warns: an error of the run whatever the
                // requirement's strength or wording, reported under "Scenario not judged".
                return ScenarioDisposition.Fail(new ScenarioNotJudgedException(redactor.Redact(notJudged.Message)));
        }

        // A wording scenario breaks no promise: its warning names the clause's wording instead (CompliancePolicy).
        var message = error is null ? null : redactor.Redact($"{(CompliancePolicy.IsWording(scenario.AllTags) ? "" : Broken(scenario))}{error.Message}") + Reproduction();
        var tags = error switch
        {
            AdvisoryFindingException => [.. scenario.AllTags, CompliancePolicy.AdvisoryTag],
            DeclaredChoiceBrokenException => [.. scenario.AllTags, CompliancePolicy.DeclaredChoiceTag],
            _ => scenario.AllTags.ToList(),
        };
        var judgement = policy.Judge(tags, violated: error is not null, message);
        return judgement.Kind switch
        {
            JudgementKind.Pass => ScenarioDisposition.Pass(judgement.Note ?? Covered()),
            JudgementKind.Warn => ScenarioDisposition.Warn(judgement.Note!),
            _ => ScenarioDisposition.Fail(Redacted(error!, message!)),
        };
    }

    private string? Covered() => judged?.Invoke() is { } covered ? $"Passed: {covered}." : null;

    private string Reproduction()
    {
        var commands = reproductions?.Invoke() ?? [];
        return commands.Count == 0
            ? ""
            : $"{Environment.NewLine}{Environment.NewLine}Reproduce with curl (set the variables it names first):{Environment.NewLine}" + string.Join(Environment.NewLine, commands);
    }

    // The failure names the requirement it breaks, so every report line is actionable on its own.
    private string Broken(ScenarioRunInfo scenario)
    {
        var broken = RequirementCatalogue.IdsIn(scenario.AllTags)
            .Select(id => catalogue.Find(id))
            .OfType<Requirement>()
            .Select(r => $"{r.Id} {r.Name} ({r.Strength}, {r.Source})");
        var text = string.Join("; ", broken);
        return text.Length == 0 ? "" : $"Breaks {text}.{Environment.NewLine}";
    }

    // Keep the kind (assertion or error) and the original stack, so the runner still tells a contract
    // failure from a broken run and the report still points at the failing line.
    private static Exception Redacted(Exception error, string message) =>
        error is AssertionException or AdvisoryFindingException
            ? new ContractFailureException(message, error)
            : new SuiteErrorException(message, error);
}

/// <summary>A contract failure as judged by the policy: the redacted message, the original stack trace.</summary>
public sealed class ContractFailureException(string message, Exception original) : AssertionException(message, original)
{
    public override string? StackTrace => InnerException!.StackTrace;
}

/// <summary>An error that is not an assertion (a setup that got no token, a step that threw): redacted, original stack.</summary>
public sealed class SuiteErrorException(string message, Exception original) : Exception(message, original)
{
    public override string? StackTrace => InnerException!.StackTrace;
}
