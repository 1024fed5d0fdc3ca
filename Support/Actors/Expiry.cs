using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

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
        await DelayUntil(token.IssuedAt + lifetime);
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
        DelayUntil(token.IssuedAt + Configured(token.Client.RefreshTokenValidity, "refresh") + Margin);

    /// <summary>The access-token validity the environment declares for the token's client.</summary>
    /// <exception cref="MissingRoleException">the environment declares none.</exception>
    public TimeSpan ConfiguredAccessValidity(IssuedToken token) => Configured(token.Client.AccessTokenValidity, "access");

    private TimeSpan Configured(TimeSpan? validity, string kind) => validity ?? throw new MissingRoleException(
        $"{kind}-token validity of the short-lived client", $"clients.shortLived.{kind}TokenValiditySeconds", profile.Name);

    private static Task DelayUntil(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
