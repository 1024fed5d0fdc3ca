using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>What a refused resource call must and must not say (RFC 6750 §3, OWASP API1).</summary>
public static class ResourceRefusal
{
    /// <summary>RFC 6750 §3.1: invalid_request (400) or invalid_token (401); servers differ on which a malformed or misplaced token is.</summary>
    public static readonly int[] UnauthenticatedOrBadRequest = [400, 401];

    /// <summary>Another customer's data (RS-08): 403, or a 404 that hides it.</summary>
    public static readonly int[] ForbiddenOrNotFound = [403, 404];

    /// <summary>An operator-only record read with a customer's token (OP-02): 403, a 404 hiding it, or 401.</summary>
    public static readonly int[] ForbiddenNotFoundOrUnauthenticated = [401, 403, 404];

    // Member names a balance or customer record carries; an error body carries none of them.
    private static readonly string[] DataMembers = ["balance", "amount", "currency", "billingGroupId", "customerId", "firstName", "lastName", "email"];

    public static void CheckNoData(ApiResponse response)
    {
        response.Should().BeClientError("a refused call discloses nothing");
        var leaked = DataMembers.Where(response.HasJsonProperty).ToList();
        leaked.Should().BeEmpty("a refusal must not carry the resource's data, but the body has {0}: {1}",
            string.Join(", ", leaked), response.Excerpt(200));
    }

    public static void CheckChallengeHasNoError(ApiResponse response)
    {
        var bearer = response.Challenges.FirstOrDefault(c => c.IsScheme("Bearer"));
        bearer.Should().NotBeNull("the answer challenges with the Bearer scheme (RFC 6750 §3)");
        bearer!.Parameter("error").Should().BeNull(
            "a request without any authentication information SHOULD NOT get an error code (RFC 6750 §3.1), but the challenge was {0}", bearer);
    }

    /// <summary>RFC 6750 §3, §3.1: error="invalid_token" in the Bearer challenge, where clients look for it (a JSON body may say it too).</summary>
    public static void CheckInvalidToken(ApiResponse response)
    {
        var bearer = response.Challenges.FirstOrDefault(c => c.IsScheme("Bearer"));
        bearer.Should().NotBeNull("a refused token is answered with a Bearer challenge (RFC 6750 §3), but the answer was {0}", response.Describe());
        bearer!.Parameter("error").Should().Be("invalid_token",
            "the challenge names the refused token invalid_token (RFC 6750 §3.1); it was {0}", bearer);
    }
}
