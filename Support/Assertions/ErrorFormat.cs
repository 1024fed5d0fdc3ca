using FluentAssertions;
using FluentAssertions.Execution;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>RFC 6749 §5.2 on the token endpoint's refusals: registered codes, their statuses, their characters.</summary>
public static class ErrorFormat
{
    public static void CheckRegisteredCode(ApiResponse response)
    {
        response.Should().BeClientError().And.BeJsonObject();
        response.Error.Should().NotBeNull("a refusal names its error in the \"error\" member (RFC 6749 §5.2); the answer was {0}", response.Describe());
        response.Error!.IsRegisteredOrExtensionCode.Should().BeTrue(
            "the error is one of {0} (RFC 6749 §5.2) or a registered extension ({1}), but it was \"{2}\"",
            string.Join(", ", OAuthError.RegisteredCodes), string.Join(", ", OAuthError.RegisteredExtensionCodes), response.Error.Code);
    }

    public static void CheckStatusMatchesCode(ApiResponse response, TokenRequest? request)
    {
        CheckRegisteredCode(response);
        var triedAuthorizationHeader = request?.ClientAuthentication is ClientAuthentication.Basic
            or ClientAuthentication.BasicUnencoded or ClientAuthentication.BasicAndFormBody;
        var expected = response.Error!.Is("invalid_client")
            ? triedAuthorizationHeader ? new[] { 401 } : [400, 401]
            : [400];
        response.Should().HaveStatus(expected, "RFC 6749 §5.2 gives {0} status {1}", response.Error.Code ?? "", string.Join(" or ", expected));
    }

    /// <summary>error and error_description: %x20-21 / %x23-5B / %x5D-7E only (no quote, no backslash, no control, no non-ASCII).</summary>
    public static void CheckCharacters(ApiResponse response)
    {
        CheckRegisteredCode(response);
        using var scope = new AssertionScope();
        foreach (var (field, value) in new[] { ("error", response.Error!.Code), ("error_description", response.Error.Description) })
        {
            var bad = (value ?? "").Where(c => !Allowed(c)).Distinct().ToList();
            bad.Should().BeEmpty("{0} may hold only the characters RFC 6749 §5.2 allows, but it holds {1}",
                field, string.Join(" ", bad.Select(c => $"U+{(int)c:X4}")));
        }
    }

    public static void CheckScopeRefusedOrIgnored(ApiResponse response, string madeUpScope, string refusalCode)
    {
        if (!response.IssuedToken)
        {
            response.Should().BeRefusedWith(refusalCode);
            return;
        }
        // Without scope, the token response says the scope asked for was granted in full (RFC 6749 §5.1).
        response.Token!.Scope.Should().NotBeNull("a token response that leaves the scope out grants the scope requested, the made-up one included (RFC 6749 §5.1)");
        var granted = response.Token.Scope!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        granted.Should().NotContain(madeUpScope, "a scope the deployment does not know must never be granted (RFC 6749 §3.3)");
    }

    private static bool Allowed(char c) => c is (>= '\x20' and <= '\x21') or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E');
}
