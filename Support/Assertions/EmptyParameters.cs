using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// TE-08: "Parameters sent without a value MUST be treated as if they were omitted from the request" (RFC 6749 §3.2).
/// Judged by comparison, so no code is imposed: the answer to <c>refresh_token=</c> must be the answer to no refresh
/// token at all, whatever this deployment answers that with (invalid_request, or the vendor's Spring stack's invalid_grant).
/// </summary>
public static class EmptyParameters
{
    public static void CheckAnsweredAsOmitted(ApiResponse empty, ApiResponse omitted)
    {
        empty.Should().IssueNoToken("an empty required parameter is a missing one (RFC 6749 §3.2)");
        var same = empty.StatusCode == omitted.StatusCode && empty.Error?.Code == omitted.Error?.Code;
        FluentAssertions.Execution.Execute.Assertion
            .ForCondition(same)
            .FailWith(Literal($"Expected the request with the parameter empty to be answered as the one without it (RFC 6749 §3.2: an empty parameter is an omitted one), " +
                              $"but the empty one got {empty.Describe()} and the one without it {omitted.Describe()}."));
    }

    private static string Literal(string text) => text.Replace("{", "{{").Replace("}", "}}");
}
