using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// ER-03 over the whole run: RFC 6749 §5.2 (and RFC 6750 §3 for the Bearer challenge) let error and error_description
/// hold only %x20-21 / %x23-5B / %x5D-7E — no quote, no backslash, no control character, nothing beyond ASCII — and
/// error_uri the same without the space. Judged on every OAuth refusal of the token endpoint and every resource
/// challenge that names an error.
/// </summary>
public static class ErrorCharacters
{
    public const string Refusals = "refusals naming an error (token-endpoint bodies and resource challenges)";
    public const string Expectation = "to keep error, error_description and error_uri to the characters RFC 6749 §5.2 allows";

    public static WholeRunJudgement Of(IEnumerable<RecordedAnswer> answers, Uri tokenEndpoint) =>
        WholeRunJudgement.Of(answers, Refusals, a => Fields(a, tokenEndpoint).Any(),
            a => Problem(Fields(a, tokenEndpoint)) is { } problem ? $"{problem} ({Shown(a, tokenEndpoint)})" : null);

    // What the answer said, redacted: the error as the body words it, or the challenge as received.
    private static string Shown(RecordedAnswer recorded, Uri tokenEndpoint) =>
        recorded.IsFromTokenEndpoint(tokenEndpoint) ? $"error {recorded.Answer.Error}" : recorded.Answer.ChallengeHeader;

    /// <summary>The characters of <paramref name="value"/> outside the set, as code points ("U+0022 U+00E8"); null when none.</summary>
    public static string? Illegal(string? value, bool isUri = false)
    {
        var bad = (value ?? "").Where(c => !(isUri ? c != ' ' && Allowed(c) : Allowed(c))).Distinct().ToList();
        return bad.Count == 0 ? null : string.Join(" ", bad.Select(c => $"U+{(int)c:X4}"));
    }

    private static IEnumerable<(string Field, string Value)> Fields(RecordedAnswer recorded, Uri tokenEndpoint)
    {
        var answer = recorded.Answer;
        if (recorded.IsOAuthRefusal(tokenEndpoint) && answer.Error is { } error)
        {
            foreach (var field in new[] { ("error", error.Code), ("error_description", error.Description), ("error_uri", answer.JsonString("error_uri")) })
                if (field.Item2 is not null)
                    yield return (field.Item1, field.Item2);
        }
        else if (!recorded.IsFromTokenEndpoint(tokenEndpoint))
        {
            foreach (var challenge in answer.Challenges.Where(c => c.IsScheme("Bearer")))
                foreach (var name in new[] { "error", "error_description", "error_uri" })
                    if (challenge.Parameter(name) is { } value)
                        yield return ($"the challenge's {name}", value);
        }
    }

    private static string? Problem(IEnumerable<(string Field, string Value)> fields)
    {
        var problems = fields
            .Select(f => Illegal(f.Value, isUri: f.Field.EndsWith("error_uri", StringComparison.Ordinal)) is { } bad ? $"{f.Field} holds {bad}" : null)
            .OfType<string>().ToList();
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool Allowed(char c) => c is (>= '\x20' and <= '\x21') or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E');
}
