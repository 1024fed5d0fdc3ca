using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// RT-04: a refresh never widens the scope (RFC 6749 §6). The server may refuse (invalid_scope) or issue a token
/// whose scope leaves the extra scopes out and says so (RFC 6749 §3.3, Keycloak). A token response without
/// scope means the scope requested was granted in full (§5.1), so it counts as widened.
/// </summary>
public static class ScopeWidening
{
    public static void Check(ApiResponse answer, string requested, string? originallyGranted)
    {
        if (!answer.IssuedToken)
        {
            answer.Should().BeClientError("a refresh asking for more scope is refused, or narrowed to what was granted");
            return;
        }
        var original = Words(originallyGranted);
        var extra = Words(requested).Where(scope => !original.Contains(scope)).ToList();
        var granted = answer.Token!.Scope is { } scope ? Words(scope) : Words(requested);
        granted.Should().NotContain(extra,
            "a refresh token never buys a scope it was not issued with (RFC 6749 §6); a token without scope was granted the scope asked for (RFC 6749 §5.1)");
    }

    /// <summary>
    /// The wording of the rule where it allows a token (a narrowed scope): only a refusal has a code to check, and it
    /// must be <paramref name="code"/>.
    /// </summary>
    public static void CheckRefusalIfAnyIs(ApiResponse answer, string code, string because = "")
    {
        if (answer.IssuedToken)
            return;
        answer.Should().BeRefusedWith([code], because);
    }

    private static HashSet<string> Words(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
