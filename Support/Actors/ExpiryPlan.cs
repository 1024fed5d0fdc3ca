using System.Globalization;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// What the run's expiry scenarios will wait for, said before the first scenario starts: a short-lived client
/// declared with ten-minute validities must not make a nightly silently wait ten minutes (maxExpiryWaitSeconds caps it).
/// </summary>
public static class ExpiryPlan
{
    public static string Describe(EnvironmentProfile profile)
    {
        var cap = profile.MaxExpiryWait;
        var waits = new List<string>();
        if (profile.Clients.ShortLived is { } shortLived)
        {
            waits.Add(Wait("access token", shortLived.AccessTokenValidity, cap, "clients.shortLived.accessTokenValiditySeconds"));
            waits.Add(Wait("refresh token", shortLived.RefreshTokenValidity, cap, "clients.shortLived.refreshTokenValiditySeconds"));
        }
        if (profile.TokenEndpoint.RefreshTokenReuseLeeway > TimeSpan.Zero)
            waits.Add(Wait("refresh-token reuse leeway", profile.TokenEndpoint.RefreshTokenReuseLeeway, cap, "tokenEndpoint.refreshTokenReuseLeewaySeconds"));
        var plan = waits.Count == 0 ? "no expiry waits (no short-lived client declared)" : string.Join("; ", waits);
        return $"Expiry waits: {plan} (at most {Seconds(cap)} each, maxExpiryWaitSeconds).";
    }

    private static string Wait(string what, TimeSpan? validity, TimeSpan cap, string key) => validity switch
    {
        null => $"{what}: not declared ({key}), its scenarios are skipped",
        { } v when v + Expiry.Margin > cap => $"{what}: {Seconds(v)}, longer than the cap, its scenarios are skipped ({key})",
        { } v => $"{what}: {Seconds(v)}",
    };

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");
}
