using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Runner;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>What the environment declares the deployment to be: features it lacks make a scenario not applicable.</summary>
[Binding]
public sealed class DeploymentSteps(EnvironmentProfile profile, AccountAdministration accounts, PlainHttpEndpoint plainHttp)
{
    [Given("the deployment offers client credentials")]
    public void OffersClientCredentials() => Deployment.RequireClientCredentials(profile);

    [Given("the deployment rotates refresh tokens")]
    public void RotatesRefreshTokens()
    {
        if (!profile.TokenEndpoint.RefreshTokenRotation)
            throw new ScenarioNotApplicableException("the environment declares that refresh tokens are kept across renewals, not rotated");
    }

    [Given("the deployment revokes the previous access token on renewal")]
    public void RevokesPreviousAccessToken()
    {
        if (!profile.TokenEndpoint.AccessTokenRevokedOnRefresh)
            throw new ScenarioNotApplicableException("the environment declares that a renewal keeps the previous access token until it expires (tokenEndpoint.accessTokenRevokedOnRefresh)");
    }

    [Given("the deployment keeps the previous access token on renewal")]
    public void KeepsPreviousAccessToken()
    {
        if (profile.TokenEndpoint.AccessTokenRevokedOnRefresh)
            throw new ScenarioNotApplicableException("the environment declares that a renewal revokes the previous access token (tokenEndpoint.accessTokenRevokedOnRefresh)");
    }

    [Given("the deployment rotates refresh tokens with a reuse leeway")]
    public void RotatesWithALeeway()
    {
        RotatesRefreshTokens();
        if (profile.TokenEndpoint.RefreshTokenReuseLeeway <= TimeSpan.Zero)
            throw new ScenarioNotApplicableException("the environment declares no reuse leeway for a replaced refresh token (tokenEndpoint.refreshTokenReuseLeewaySeconds: 0)");
    }

    [Given("the deployment does not offer client credentials")]
    public void DoesNotOfferClientCredentials()
    {
        if (profile.ClientCredentialsOffered)
            throw new ScenarioNotApplicableException("the environment declares the client credentials grant offered (tokenEndpoint.clientCredentials.offered)");
    }

    [Given("the deployment keeps refresh tokens across renewals")]
    public void KeepsRefreshTokens()
    {
        if (profile.TokenEndpoint.RefreshTokenRotation)
            throw new ScenarioNotApplicableException("the environment declares that refresh tokens rotate");
    }

    [Given("the suite can lock accounts of the deployment")]
    public void CanLockAccounts() => accounts.RequireAvailable();

    [Given("the deployment is served over HTTPS")]
    public void ServedOverHttps()
    {
        if (profile.RequireBaseUrl().Scheme != Uri.UriSchemeHttps)
            throw new ScenarioNotApplicableException(
                $"the target is plain HTTP ({profile.RequireBaseUrl().GetLeftPart(UriPartial.Authority)}); TLS can only be checked on an https:// deployment");
    }

    [Given("the deployment's plain-HTTP address is known")]
    public Task PlainHttpAddressKnown() => plainHttp.RequireAsync();

    // Bursts only where the environment allows them: they may lock accounts or trip a WAF.
    [BeforeScenario("intrusive")]
    public void IntrusiveProbesAllowed()
    {
        if (!profile.IntrusiveProbes)
            throw new ScenarioNotApplicableException("the environment does not allow intrusive probes (intrusiveProbes: false)");
    }
}
