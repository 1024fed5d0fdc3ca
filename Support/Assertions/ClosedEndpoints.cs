using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// SH-04: an endpoint Rator does not document is closed (ASVS V10.4.4): refused with a client error, neither served nor
/// redirected, and its answer reveals no token or key information, least of all the live token.
/// </summary>
public static class ClosedEndpoints
{
    // Members an introspection, token-key or user-info answer carries.
    private static readonly string[] Revealing = ["active", "exp", "user_name", "client_id", "authorities", "value", "alg"];

    /// <param name="answer">the undocumented endpoint's answer.</param>
    /// <param name="liveToken">the access token the caller presented to it.</param>
    public static void CheckClosedAndSilent(ApiResponse answer, string liveToken)
    {
        answer.Should().BeClientError("an endpoint Rator does not document must be closed, neither served nor redirected (ASVS V10.4.4)");
        foreach (var member in Revealing)
            answer.HasJsonProperty(member).Should().BeFalse("a closed endpoint reveals no token or key information, but the body has \"{0}\"", member);
        answer.Body.Should().NotContain(liveToken, "the live token must not come back");
    }
}
