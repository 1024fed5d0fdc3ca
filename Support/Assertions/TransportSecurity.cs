using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// TE-02: credentials sent over plain HTTP must get nothing. A closed port or a refusal passes; a token, and
/// a redirect to https (the credentials already crossed the wire in clear, RFC 6819 §5.1.1), fail.
/// </summary>
public static class TransportSecurity
{
    public static void CheckRefusedOverPlainHttp(ApiResponse response)
    {
        if (!response.Answered)
            return;
        response.IssuedToken.Should().BeFalse("no token may be issued over plain HTTP (RFC 6749 §3.2, §1.6): {0}", response.Describe());
        response.IsRedirect.Should().BeFalse(
            "a redirect to https after the credentials were sent in clear still exposes them (RFC 6819 §5.1.1); the answer was {0}", response.Describe());
        response.IsSuccess.Should().BeFalse("plain HTTP must be refused: {0}", response.Describe());
    }
}
