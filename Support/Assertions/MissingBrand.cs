using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// BK-01 and BK-05: a request that names no brand is refused with the status the environment declares, the token
/// endpoint's (tokenEndpoint.brandRejectionStatus) or the resources' (resources.brandRejectionStatus).
/// </summary>
public static class MissingBrand
{
    /// <param name="atResource">the answer came from a resource, not from the token endpoint.</param>
    public static void CheckRefusedAsDeclared(ApiResponse answer, bool atResource, EnvironmentProfile profile)
    {
        var (statuses, key) = atResource
            ? (profile.Resources.BrandRejectionStatus, "resources.brandRejectionStatus")
            : (profile.TokenEndpoint.BrandRejectionStatus, "tokenEndpoint.brandRejectionStatus");
        DeclaredChoice.Holds(DeclarationReading.OfChoice($"that a missing brand is refused with {string.Join(" or ", statuses)}", key),
            () => answer.Should().HaveStatus(statuses));
    }
}
