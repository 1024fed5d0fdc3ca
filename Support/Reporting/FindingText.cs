using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// A failing or warning scenario as a person reads it first, in the console and the CI summaries: the requirement it
/// proves (ID and name), the scenario, what was expected and what came back, each in full words on a line of its own.
/// Only a long answer is shortened, at a field or word boundary (<see cref="Abbreviation"/>); the whole message stays
/// in the reports.
/// </summary>
/// <param name="Requirement">"PW-02 ROPC offered at all", several joined by "; ".</param>
/// <param name="Expected">What the rule expected, without its leading "Expected".</param>
/// <param name="CameBack">What the deployment answered (or what happened instead), after the expectation's ", but".</param>
/// <param name="Statement">The message's own sentence when it is not "Expected …, but …" (a setup error, say).</param>
/// <param name="Notes">A known issue, a wording-only deviation, further expectations not met, an outage.</param>
public sealed record FindingText(string Requirement, string Scenario, string? Expected, string? CameBack, string? Statement,
    IReadOnlyList<string> Notes)
{
    /// <summary>The longest an expectation or a statement may be before it is shortened: whole sentences, nearly always.</summary>
    public const int SentenceWidth = 400;

    /// <summary>The longest a "came back" line may be: the answer whole, a long body shortened at a field boundary.</summary>
    public const int AnswerWidth = 260;

    // Lines a message starts with that the finding says otherwise (the requirement, the step) or not at all.
    private static readonly string[] HeaderLines = ["Step failed", "Scenario failed", "Scenario not judged", "Breaks "];
    private const string KnownIssue = "Known issue still present (";
    private const string WordingOnly = "Only the wording differs";
    private const string ReproduceHeader = "Reproduce with curl";

    public static FindingText Of(ScenarioResult result, RequirementCatalogue catalogue)
    {
        var ids = RequirementCatalogue.IdsIn(result.Tags);
        var requirement = ids.Count == 0
            ? "no requirement ID"
            : string.Join("; ", ids.Select(id => catalogue.Find(id) is { } r ? $"{r.Id} {r.Name}" : id));
        var lines = (result.Message ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(l => !l.StartsWith(ReproduceHeader, StringComparison.Ordinal))
            .ToList();

        var notes = new List<string>();
        if (lines.FirstOrDefault(l => l.StartsWith(KnownIssue, StringComparison.Ordinal)) is { } known)
            notes.Add("known issue: " + known[KnownIssue.Length..Math.Max(KnownIssue.Length, known.IndexOf("):", StringComparison.Ordinal))]);
        if (lines.Any(l => l.StartsWith(WordingOnly, StringComparison.Ordinal)))
            notes.Add("only the wording differs from the clause; the rule's other scenarios judge its promise");
        if (result.Attempts > 1)
            notes.Add($"ran {result.Attempts} times: the deployment was unavailable during an earlier run of it");

        var sentences = lines
            .Where(l => !HeaderLines.Any(h => l.StartsWith(h, StringComparison.Ordinal)))
            .Where(l => !l.StartsWith(KnownIssue, StringComparison.Ordinal) && !l.StartsWith(WordingOnly, StringComparison.Ordinal))
            .ToList();
        var expectations = sentences.Count(IsExpectation);
        if (expectations > 1)
            notes.Add($"{expectations - 1} more expectation{(expectations > 2 ? "s" : "")} not met (in the reports)");

        var first = sentences.FirstOrDefault(IsExpectation) ?? sentences.FirstOrDefault() ?? "";
        var but = AnswerStart(first);
        return IsExpectation(first) && but > 0
            ? new FindingText(requirement, result.TestName, first["Expected ".Length..but], first[(but + ", but ".Length)..].TrimEnd('.'), null, notes)
            : new FindingText(requirement, result.TestName, null, null, first, notes);
    }

    /// <summary>
    /// Where "Expected …, but …" turns to the answer: the suite's own ", but the deployment answered", else the last
    /// ", but" (a "because" phrase may hold one of its own; FluentAssertions puts what it found last).
    /// </summary>
    private static int AnswerStart(string line)
    {
        var deployment = line.IndexOf(", but the deployment ", StringComparison.Ordinal);
        return deployment > 0 ? deployment : line.LastIndexOf(", but ", StringComparison.Ordinal);
    }

    private static bool IsExpectation(string line) => line.StartsWith("Expected ", StringComparison.Ordinal);

    /// <summary>The finding's detail lines, labelled: expected, came back (or the statement), then the notes.</summary>
    public IEnumerable<(string Label, string Text)> Details()
    {
        if (Expected is not null)
            yield return ("expected", Abbreviation.AtBoundary(Expected, SentenceWidth));
        if (CameBack is not null)
            yield return ("came back", ShortenAnswer(CameBack));
        if (Statement is { Length: > 0 })
            yield return ("what happened", Abbreviation.AtBoundary(Statement, SentenceWidth));
        foreach (var note in Notes)
            yield return ("note", note);
    }

    /// <summary>The answer whole where it fits; otherwise its description whole and its body cut at a field boundary.</summary>
    private static string ShortenAnswer(string answer)
    {
        if (answer.Length <= AnswerWidth)
            return answer;
        const string body = "body: ";
        var at = answer.IndexOf(body, StringComparison.Ordinal);
        if (at < 0 || at + body.Length > AnswerWidth * 3 / 4)
            return Abbreviation.AtBoundary(answer, AnswerWidth);
        var head = answer[..(at + body.Length)];
        return head + Abbreviation.AtBoundary(answer[head.Length..], AnswerWidth - head.Length);
    }
}
