using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// TE-02: credentials sent over plain HTTP buy nothing (RFC 6749 §3.2, §1.6; RFC 6819 §5.1.1). Nothing listening, a
/// refusal, or a redirect to https that carries no token all keep the promise (the usual port-80 setups: closed,
/// Keycloak's 403 "HTTPS required", nginx's 301); a token in the answer, or a success, breaks it. The address was
/// checked to be a plain-HTTP one first (Support/Actors/PlainHttpEndpoint), so a TLS port closing a plain request
/// never counts as a pass.
/// </summary>
public static class TransportSecurity
{
    public static void CheckRefusedOverPlainHttp(ApiResponse response)
    {
        if (!response.Answered)
            return;
        response.IssuedToken.Should().BeFalse("no token may be issued over plain HTTP (RFC 6749 §3.2, §1.6): {0}", response.Describe());
        (response.Headers["Location"] ?? "").Should().NotContainAny(["access_token", "refresh_token"],
            "a redirect must not carry a token either (RFC 6749 §3.2); the answer was {0}", response.Describe());
        (response.IsSuccess && !response.IsRedirect).Should().BeFalse("plain HTTP must be refused, redirected or closed, not served: {0}", response.Describe());
    }
}
