using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

public static class ApiResponseAssertionExtensions
{
    public static ApiResponseAssertions Should(this ApiResponse response) => new(response);
}

/// <summary>
/// The contract's expectations about one answer, worded as the rules are. Each failure states what was
/// expected and what came back (status, error, a redacted excerpt of the body); the requirement it breaks
/// is added by the verdict policy, which knows the scenario.
/// </summary>
public sealed class ApiResponseAssertions(ApiResponse response)
    : ReferenceTypeAssertions<ApiResponse, ApiResponseAssertions>(response)
{
    protected override string Identifier => "answer";

    private string Seen => Subject.StatusCode is null
        ? Subject.Describe()
        : $"{Subject.Describe()}; body: {Subject.Excerpt(240)}";

    private AndConstraint<ApiResponseAssertions> Check(bool condition, string expectation, string because, object[] becauseArgs,
        Func<string>? seen = null)
    {
        // The message (a redacted description and excerpt of the answer) is built only when the check fails.
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(condition)
            .FailWith(() => new FailReason($"Expected {Literal(expectation)}{{reason}}, but the deployment answered {Literal(seen?.Invoke() ?? Seen)}."));
        return new AndConstraint<ApiResponseAssertions>(this);
    }

    /// <summary>The challenges received, quoted as sent, for any message about challenges.</summary>
    private string SeenWithChallenges => $"{Subject.Describe()} with {Subject.ChallengeHeader}; body: {Subject.Excerpt(200)}";

    public AndConstraint<ApiResponseAssertions> IssueAToken(string because = "", params object[] becauseArgs) =>
        Check(Subject.IsSuccess && Subject.IssuedToken, $"a token to be issued for the {Subject.Purpose}", because, becauseArgs);

    /// <summary>No access token in the answer, whatever its status; an answer is required (silence proves nothing).</summary>
    public AndConstraint<ApiResponseAssertions> IssueNoToken(string because = "", params object[] becauseArgs)
    {
        Check(Subject.Answered, $"the deployment to answer the {Subject.Purpose}", because, becauseArgs);
        return Check(!Subject.IssuedToken && !Subject.IsSuccess, $"no token to be issued for the {Subject.Purpose}", because, becauseArgs);
    }

    public AndConstraint<ApiResponseAssertions> HaveStatus(IReadOnlyCollection<int> statuses, string because = "", params object[] becauseArgs) =>
        Check(Subject.StatusCode is { } s && statuses.Contains(s), $"status {Alternatives(statuses)}", because, becauseArgs);

    public AndConstraint<ApiResponseAssertions> HaveStatus(params int[] statuses) => HaveStatus((IReadOnlyCollection<int>)statuses);

    /// <summary>An RFC 6749 §5.2 error naming one of <paramref name="codes"/>.</summary>
    public AndConstraint<ApiResponseAssertions> BeRefusedWith(IReadOnlyCollection<string> codes, string because = "", params object[] becauseArgs) =>
        Check(Subject.IsClientError && Subject.Error?.Code is { } code && codes.Contains(code),
            $"a refusal naming the error {Alternatives(codes)}", because, becauseArgs);

    public AndConstraint<ApiResponseAssertions> BeRefusedWith(params string[] codes) => BeRefusedWith((IReadOnlyCollection<string>)codes);

    public AndConstraint<ApiResponseAssertions> BeClientError(string because = "", params object[] becauseArgs) =>
        Check(Subject.IsClientError, "a client error (4xx), never a success or a server error", because, becauseArgs);

    public AndConstraint<ApiResponseAssertions> BeJsonObject(string because = "", params object[] becauseArgs) =>
        Check(Subject.Json is { ValueKind: System.Text.Json.JsonValueKind.Object }, "a JSON object", because, becauseArgs);

    /// <summary>A JSON object declared as JSON (application/json or any +json type), as a client parses it.</summary>
    public AndConstraint<ApiResponseAssertions> BeDeclaredJson(string because = "", params object[] becauseArgs) =>
        Check(Subject.ContentType is { } type && (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal))
              && Subject.Json is { ValueKind: System.Text.Json.JsonValueKind.Object },
            "a JSON object with a JSON content type", because, becauseArgs);

    /// <summary>RFC 6749 §5.1's promise: Cache-Control holds no-store, among any other directives.</summary>
    public AndConstraint<ApiResponseAssertions> ForbidStoring(string because = "", params object[] becauseArgs) =>
        Check(Subject.Headers.HasDirective("Cache-Control", "no-store"), "Cache-Control: no-store (RFC 6749 §5.1)", because, becauseArgs);

    /// <summary>RFC 6749 §5.1's wording for HTTP/1.0 caches; RFC 9111 §5.4 deprecates Pragma.</summary>
    public AndConstraint<ApiResponseAssertions> SayPragmaNoCache(string because = "", params object[] becauseArgs) =>
        Check(Subject.Headers.HasDirective("Pragma", "no-cache"), "Pragma: no-cache (RFC 6749 §5.1)", because, becauseArgs);

    public AndConstraint<ApiResponseAssertions> ChallengeWith(string scheme, string because = "", params object[] becauseArgs) =>
        Check(Subject.Challenges.Any(c => c.IsScheme(scheme)), $"a WWW-Authenticate challenge with the {scheme} scheme", because, becauseArgs,
            () => SeenWithChallenges);

    private static string Alternatives<T>(IEnumerable<T> values) => string.Join(" or ", values);

    // FailWith treats braces as placeholders; response bodies are full of them.
    private static string Literal(string text) => text.Replace("{", "{{").Replace("}", "}}");
}
