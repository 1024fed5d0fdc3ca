using System.Text.Json;
using FluentAssertions;
using FluentAssertions.Execution;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// RFC 6749 §5.1: what a successful token response must look like, and no more. token_type is compared
/// without case (Spring answers "bearer"), expires_in is optional but, when present, a positive number of seconds.
/// </summary>
public static class TokenResponseShape
{
    public static void Check(ApiResponse response)
    {
        response.Should().IssueAToken();
        var token = response.Token!;
        using var scope = new AssertionScope($"the token response ({response.Describe()})");
        response.StatusCode.Should().Be(200, "RFC 6749 §5.1 answers a token with 200 OK");
        response.ContentType.Should().Be("application/json", "the token response is JSON (RFC 6749 §5.1)");
        token.TokenType.Should().NotBeNullOrEmpty("token_type is REQUIRED (RFC 6749 §5.1)");
        token.IsBearer.Should().BeTrue("Rator issues bearer tokens (the type is compared without case, RFC 6749 §5.1)");
        if (token.ExpiresInKind != JsonValueKind.Undefined)
        {
            token.ExpiresInKind.Should().Be(JsonValueKind.Number, "expires_in is a number of seconds (RFC 6749 §5.1, A.14)");
            token.ExpiresIn.Should().BePositive("expires_in is the lifetime in seconds");
        }
        foreach (var field in new[] { "refresh_token", "scope" })
            if (token.Json.TryGetProperty(field, out var value))
                value.ValueKind.Should().Be(JsonValueKind.String, $"{field}, when present, is a string (RFC 6749 §5.1)");
    }
}
