using FluentAssertions.Execution;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// A rule judged on every answer of a kind the run recorded: the answers it applies to, and each one that breaks it
/// with what was wrong. A failure names the scenario and the exchange of every breach (the first ten, then a count).
/// </summary>
public sealed record WholeRunJudgement(JudgedAnswers Judged, IReadOnlyList<(RecordedAnswer Answer, string Problem)> Breaches)
{
    private const int Listed = 10;

    /// <param name="kind">the answers judged, as a count reads them ("token-endpoint answers holding a token").</param>
    /// <param name="applies">which answers the rule is about.</param>
    /// <param name="problem">what is wrong with an answer, or null when it keeps the rule.</param>
    public static WholeRunJudgement Of(IEnumerable<RecordedAnswer> answers, string kind,
        Func<RecordedAnswer, bool> applies, Func<RecordedAnswer, string?> problem)
    {
        var judged = answers.Where(applies).ToList();
        var breaches = judged.Select(a => (Answer: a, Problem: problem(a))).Where(b => b.Problem is not null)
            .Select(b => (b.Answer, b.Problem!)).ToList();
        return new WholeRunJudgement(new JudgedAnswers(kind, judged.Count, judged.Select(a => a.Scenario).Distinct().Count()), breaches);
    }

    /// <summary>Fails, naming every breach, unless every judged answer keeps the rule.</summary>
    /// <param name="expectation">what every answer should do, after "Expected every …" ("to forbid caching with Cache-Control: no-store (RFC 6749 §5.1)").</param>
    public void Check(string expectation)
    {
        if (Breaches.Count == 0)
            return;
        var listed = Breaches.Take(Listed).Select(b => $"  - {b.Answer.Where}: {b.Problem}");
        var more = Breaches.Count > Listed ? $"{Environment.NewLine}  … and {Breaches.Count - Listed} more" : "";
        var message = $"Expected every one of the {Judged.Kind} {expectation}; {Judged}, and {Breaches.Count} did not:{Environment.NewLine}"
                      + string.Join(Environment.NewLine, listed) + more;
        Execute.Assertion.FailWith(message.Replace("{", "{{").Replace("}", "}}"));
    }

    public override string ToString() => $"{Judged}, {Breaches.Count} breach(es)";
}
