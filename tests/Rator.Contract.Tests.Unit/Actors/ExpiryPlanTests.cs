using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Unit.Configuration;

namespace Rator.Contract.Tests.Unit.Actors;

public sealed class ExpiryPlanTests
{
    private static EnvironmentProfile Local() => RepositoryEnvironments.Local(new SecretRedactor(), new Uri("http://127.0.0.1:1/rator/"));

    [Test]
    public void The_plan_names_each_wait_and_the_cap() =>
        ExpiryPlan.Describe(Local()).Should().Be("Expiry waits: access token: 2 s; refresh token: 6 s (at most 120 s each, maxExpiryWaitSeconds).");

    [Test]
    public void A_wait_longer_than_the_cap_is_announced_as_skipped()
    {
        var local = Local();
        var profile = local with
        {
            Clients = local.Clients.Select(c => c.Role == ClientRole.ShortLived ? c with { RefreshTokenValidity = TimeSpan.FromSeconds(600) } : c),
        };

        ExpiryPlan.Describe(profile).Should().Contain("refresh token: 600 s, longer than the cap, its scenarios are skipped (clients.shortLived.refreshTokenValiditySeconds)");
    }
}
