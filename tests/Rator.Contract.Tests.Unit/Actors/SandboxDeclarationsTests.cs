using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Hooks;
using Rator.Contract.Tests.Unit.Configuration;
using Rator.Sandbox;

namespace Rator.Contract.Tests.Unit.Actors;

/// <summary>An embedded run is judged by what the sandbox it started declares, so it follows the variants.</summary>
public sealed class SandboxDeclarationsTests
{
    [Test]
    public async Task An_embedded_run_follows_the_choices_and_registrations_its_variants_declare()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions
        {
            Variants = ["brand-key-camel-case", "form-only-parameters", "no-refresh-rotation", "restricted-client-reshaped", "resource-brand-refusals"],
        });
        var local = RepositoryEnvironments.Local(new SecretRedactor(), host.BaseUrl);

        var followed = SandboxDeclarations.Follow(local, host.Declaration);

        followed.TokenEndpoint.BrandParameter.Should().Be(new BrandParameter("brandKey", ParameterPlace.Form));
        followed.TokenEndpoint.RefreshTokenRotation.Should().BeFalse();
        followed.Resources.BrandRejectionStatus.Should().BeEquivalentTo([403, 404]);
        var restricted = followed.Clients.Restricted!;
        restricted.Brands.Should().BeEquivalentTo(["BRAND2"]);
        restricted.Grants.Should().Contain("client_credentials");
        restricted.Secret.Should().Be(local.Clients.Restricted!.Secret, "the file still names the secrets");
    }
}
