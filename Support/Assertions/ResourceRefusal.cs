using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>What a refused resource call must and must not say (RFC 6750 §3, OWASP API1).</summary>
public static class ResourceRefusal
{
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
