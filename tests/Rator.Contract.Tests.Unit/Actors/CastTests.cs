using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Unit.Configuration;

namespace Rator.Contract.Tests.Unit.Actors;

/// <summary>Scenarios take their actors from what the environment file declares, never from the sandbox's fixture shape.</summary>
public sealed class CastTests
{
    private static EnvironmentProfile Local() => RepositoryEnvironments.Local(new SecretRedactor(), new Uri("http://127.0.0.1:1/rator/"));

    private static Cast CastOf(EnvironmentProfile profile) => new(profile, new TestData(1));

    private static EnvironmentProfile WithClient(EnvironmentProfile profile, ClientRole role, Func<OAuthClient, OAuthClient> change) =>
        profile with { Clients = profile.Clients.Select(c => c.Role == role ? change(c) : c) };

    [Test]
    public void A_client_without_a_grant_is_the_restricted_client_when_its_declaration_lacks_the_grant()
    {
        var (client, reading) = CastOf(Local()).ClientWithout(TokenGrant.Operator);

        client.Role.Should().Be(ClientRole.Restricted);
        reading.Key.Should().Be("clients.restricted.grants");
        reading.Because.Should().Contain("either the deployment breaks the rule, or the environment file is out of date");
    }

    [Test]
    public void A_restricted_client_declared_with_client_credentials_is_not_used_as_one_without_them()
    {
        // local.json declares no other client without client credentials that may act for the home brand.
        var profile = WithClient(Local(), ClientRole.Restricted, c => c with { Grants = ["password", "client_credentials"] });

        var pick = () => CastOf(profile).ClientWithout(TokenGrant.ClientCredentials);

        pick.Should().Throw<MissingRoleException>().Which.Message.Should().Contain("client without the client_credentials grant");
    }

    [Test]
    public void Another_declared_client_with_the_capability_stands_in_for_the_restricted_one()
    {
        var profile = WithClient(Local(), ClientRole.Restricted, c => c with { Grants = null });

        var (client, _) = CastOf(profile).ClientWithout(TokenGrant.Password);

        client.Role.Should().Be(ClientRole.ServiceOnly);
    }

    [Test]
    public void A_client_for_another_brand_only_is_not_chosen_to_prove_a_grant_refusal()
    {
        var profile = WithClient(Local(), ClientRole.Restricted, c => c with { Brands = ["BRAND2"] });

        var (client, _) = CastOf(profile).ClientWithout(TokenGrant.Operator);

        client.Role.Should().NotBe(ClientRole.Restricted, "a refusal for the home brand would then be about the brand, not the grant");
    }

    [Test]
    public void A_client_outside_a_brand_comes_with_the_brand_its_declaration_leaves_out()
    {
        var profile = WithClient(Local(), ClientRole.Restricted, c => c with { Brands = ["BRAND2"] });

        var (client, brand, reading) = CastOf(profile).ClientOutsideABrand();

        (client.Role, brand, reading.Key).Should().Be((ClientRole.Restricted, "BRAND1", "clients.restricted.brands"));
    }

    [Test]
    public void Without_a_client_declared_for_some_brands_only_the_scenario_is_skipped()
    {
        var local = Local();
        var profile = local with { Clients = local.Clients.Select(c => c with { Brands = null }) };

        var pick = () => CastOf(profile).ClientOutsideABrand();

        pick.Should().Throw<MissingRoleException>().Which.Key.Should().Be("clients.<role>.brands");
    }

    [Test]
    public void The_brute_force_client_is_never_chosen_for_a_capability()
    {
        var local = Local();
        var profile = local with { Clients = local.Clients.Select(c => c.Role == ClientRole.BruteForce ? c : c with { Grants = null }) };

        var pick = () => CastOf(profile).ClientWithout(TokenGrant.Operator);

        pick.Should().Throw<MissingRoleException>("its secret bursts may have locked it");
    }
}
