using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>SH-03: a rejected token is never echoed back (RFC 6749 §10.3, RFC 6819 §4.6.7), neither in the body nor in a header.</summary>
public static class TokenEcho
{
    /// <param name="token">the made-up token the scenario presented.</param>
    /// <param name="answer">the deployment's refusal of it.</param>
    public static void CheckNotRepeated(string token, ApiResponse answer)
    {
        answer.Should().BeClientError();
        var echoedIn = new List<string>();
        if (answer.Body.Contains(token, StringComparison.Ordinal))
            echoedIn.Add("the body");
        echoedIn.AddRange(answer.Headers.All.Where(h => h.Value.Contains(token, StringComparison.Ordinal)).Select(h => $"the {h.Key} header"));
        echoedIn.Should().BeEmpty("a rejected token must not be echoed back (RFC 6749 §10.3, RFC 6819 §4.6.7)");
    }
}
