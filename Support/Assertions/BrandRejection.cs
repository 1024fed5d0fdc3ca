using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// A request under no brand or a foreign one is refused with the status the environment declares: the token
/// endpoint's (tokenEndpoint.brandRejectionStatus) or the resources' (resources.brandRejectionStatus).
/// </summary>
public static class BrandRejection
{
    /// <summary>BK-01 and BK-05: no token, and no data, without a brand.</summary>
    /// <param name="atResource">the answer came from a resource, not from the token endpoint.</param>
    public static void CheckMissingBrand(ApiResponse answer, bool atResource, EnvironmentProfile profile)
    {
        var (statuses, key) = atResource
            ? (profile.Resources.BrandRejectionStatus, "resources.brandRejectionStatus")
            : (profile.TokenEndpoint.BrandRejectionStatus, "tokenEndpoint.brandRejectionStatus");
        DeclaredChoice.Holds(DeclarationReading.OfChoice($"that a missing brand is refused with {string.Join(" or ", statuses)}", key),
            () => answer.Should().HaveStatus(statuses));
    }

    /// <summary>BK-06: a token works only for the brand it was issued for.</summary>
    public static void CheckForeignBrand(ApiResponse answer, EnvironmentProfile profile)
    {
        var statuses = profile.Resources.BrandRejectionStatus;
        DeclaredChoice.Holds(
            DeclarationReading.OfChoice($"that a call under another brand is refused with {string.Join(" or ", statuses)}", "resources.brandRejectionStatus"),
            () => answer.Should().HaveStatus(statuses));
    }
}
