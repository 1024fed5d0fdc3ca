using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// Waiting for a real expiry, as short as the deployment allows: until the token's stated lifetime (its
/// expires_in, else the client's configured validity) has passed, then polling the resource until it says
/// 401, never longer than a small margin. Expiry scenarios run in parallel, so their waits overlap.
/// </summary>
public sealed class Expiry(ResourceApi resources, EnvironmentProfile profile)
{
    /// <summary>
    /// The server's own rounding (Spring keeps whole seconds). Clock offsets between suite and server do not
    /// matter: the wait starts when the token arrives, after the server started its own count.
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task WaitForAccessTokenExpiryAsync(IssuedToken token, ResourceRequest probe)
    {
        var lifetime = token.ExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : ConfiguredAccessValidity(token);
        await DelayUntil(token.IssuedAt + lifetime, "the access token to expire");
        var deadline = token.IssuedAt + lifetime + Margin;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var answer = await resources.RequestAsync(probe);
            if (answer.StatusCode == 401)
                return;
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>A refresh token cannot be polled without spending it, so this waits for its configured validity and the margin.</summary>
    public Task WaitForRefreshTokenExpiryAsync(IssuedToken token) =>
        DelayUntil(token.IssuedAt + Configured(token.Client.RefreshTokenValidity, "refresh") + Margin, "the refresh token to expire");

    /// <summary>
    /// RT-07: a superseded refresh token may still be accepted for the leeway the environment declares
    /// (tokenEndpoint.refreshTokenReuseLeewaySeconds, RFC 9700 §4.14.2 leaves it open); this waits it out.
    /// </summary>
    public Task WaitForReuseLeewayAsync(IssuedToken renewed)
    {
        var leeway = profile.TokenEndpoint.RefreshTokenReuseLeeway;
        return leeway <= TimeSpan.Zero ? Task.CompletedTask : DelayUntil(renewed.IssuedAt + leeway + Margin, "the declared refresh-token reuse leeway to pass");
    }

    /// <summary>The access-token validity the environment declares for the token's client.</summary>
    /// <exception cref="MissingRoleException">the environment declares none.</exception>
    public TimeSpan ConfiguredAccessValidity(IssuedToken token) => Configured(token.Client.AccessTokenValidity, "access");

    private TimeSpan Configured(TimeSpan? validity, string kind) => validity ?? throw new MissingRoleException(
        $"{kind}-token validity of the short-lived client", $"clients.shortLived.{kind}TokenValiditySeconds", profile.Name);

    // A deployment with hour-long validities would hold the nightly for an hour: beyond maxExpiryWaitSeconds the
    // scenario is SKIPPED with the reason, before it waits at all.
    private Task DelayUntil(DateTimeOffset moment, string what)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        if (wait > profile.MaxExpiryWait)
            throw new ScenarioSkippedException(
                $"Waiting {wait.TotalSeconds:0} s for {what} is longer than the environment allows (maxExpiryWaitSeconds = {profile.MaxExpiryWait.TotalSeconds:0}); raise it, or declare a client with shorter validities (clients.shortLived).");
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
