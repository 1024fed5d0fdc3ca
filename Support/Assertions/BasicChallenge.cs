using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// TE-06's server MUST (RFC 6749 §5.2, invalid_client): "If the client attempted to authenticate via the
/// Authorization request header field, the authorization server MUST respond with an HTTP 401 (Unauthorized) status
/// code and include the WWW-Authenticate response header field matching the authentication scheme used by the client."
/// Clients that authenticate on challenge (Java's Authenticator, .NET's CredentialCache, curl --anyauth) never send
/// Basic after a Bearer challenge. A 400 invalid_request for a malformed or empty credential is accepted: the request
/// is refused as malformed, not as a failed authentication.
/// </summary>
public static class BasicChallenge
{
    public const string Refusals = "refusals of a client that tried Basic as invalid_client";
    public const string Expectation = "to be 401 with a WWW-Authenticate: Basic challenge (RFC 6749 §5.2)";

    /// <summary>The refusal of a request whose client tried Basic, when it refuses the client (invalid_client, or any 401).</summary>
    public static void Check(ApiResponse answer)
    {
        if (Problem(answer) is { } problem)
            FluentAssertions.Execution.Execute.Assertion.FailWith(
                $"Expected the refusal of a client that tried Basic {Expectation}, but {problem}.".Replace("{", "{{").Replace("}", "}}"));
    }

    /// <summary>The same on every such refusal of the run.</summary>
    public static WholeRunJudgement Of(IEnumerable<RecordedAnswer> answers, Uri tokenEndpoint) =>
        WholeRunJudgement.Of(answers, Refusals,
            a => a.TriedBasic && a.IsOAuthRefusal(tokenEndpoint) && a.Answer.Error?.Code == "invalid_client",
            a => Problem(a.Answer));

    private static string? Problem(ApiResponse answer)
    {
        var refusesTheClient = answer.StatusCode == 401 || answer.Error?.Code == "invalid_client";
        if (!refusesTheClient)
            return null;
        if (answer.StatusCode != 401)
            return $"the deployment answered {answer.Describe()}";
        return answer.Challenges.Any(c => c.IsScheme("Basic"))
            ? null
            : $"the deployment answered {answer.Describe()} with {answer.ChallengeHeader}";
    }
}
