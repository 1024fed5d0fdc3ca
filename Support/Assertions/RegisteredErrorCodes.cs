using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// ER-02 over the whole run: every OAuth refusal of the token endpoint is a JSON object whose "error" is a code RFC 6749
/// §5.2 registers, or one of the registered extensions (the vendor's stack answers an expired refresh token with RFC
/// 6750's invalid_token).
/// </summary>
public static class RegisteredErrorCodes
{
    public const string Refusals = "token-endpoint refusals";
    public const string Expectation = "to be a JSON object naming a registered error code (RFC 6749 §5.2)";

    public static WholeRunJudgement Of(IEnumerable<RecordedAnswer> answers, Uri tokenEndpoint) =>
        WholeRunJudgement.Of(answers, Refusals, a => a.IsOAuthRefusal(tokenEndpoint), a => Problem(a.Answer));

    public static string? Problem(ApiResponse answer) => answer switch
    {
        { Json.ValueKind: not System.Text.Json.JsonValueKind.Object } or { Json: null } => $"the body is {answer.BodyDescription}",
        { Error: null } or { Error.Code: null } => "the JSON object has no \"error\" member",
        { Error: { } error } when !error.IsRegisteredOrExtensionCode => $"the error \"{error.Code}\" is not a registered code",
        _ => null,
    };
}
