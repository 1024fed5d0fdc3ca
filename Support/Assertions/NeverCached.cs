using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// TE-10 over the whole run: RFC 6749 §5.1 requires Cache-Control: no-store on every answer holding a token; on a
/// refusal, which holds none, it is good practice that the rule's advisory scenario asks for.
/// </summary>
public static class NeverCached
{
    public const string AnswersHoldingAToken = "token-endpoint answers holding a token";
    public const string Refusals = "token-endpoint refusals";
    public const string Expectation = "to forbid caching with Cache-Control: no-store (RFC 6749 §5.1)";

    public static WholeRunJudgement AnswersHoldingATokenOf(IEnumerable<RecordedAnswer> answers, Uri tokenEndpoint) =>
        WholeRunJudgement.Of(answers, AnswersHoldingAToken, a => a.IsFromTokenEndpoint(tokenEndpoint) && a.Answer.IssuedToken, Problem);

    public static WholeRunJudgement RefusalsOf(IEnumerable<RecordedAnswer> answers, Uri tokenEndpoint) =>
        WholeRunJudgement.Of(answers, Refusals, a => a.IsOAuthRefusal(tokenEndpoint), Problem);

    private static string? Problem(RecordedAnswer recorded) =>
        recorded.Answer.Headers.HasDirective("Cache-Control", "no-store")
            ? null
            : recorded.Answer.Headers["Cache-Control"] is { } value ? $"Cache-Control was \"{value}\"" : "no Cache-Control header";
}
