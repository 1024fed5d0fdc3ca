namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>The OAuth clients a scenario can ask for; the JSON key of each is in <see cref="ClientRoles.Key"/>.</summary>
public enum ClientRole
{
    /// <summary>The client most scenarios use, and the preflight's first token; the only mandatory one.</summary>
    Primary,

    /// <summary>Another client of the same deployment (refresh-token binding, RFC 6749 §2.3.1 encoding).</summary>
    Second,

    /// <summary>A client with very short token validities, for expiry scenarios.</summary>
    ShortLived,

    /// <summary>A client lacking some grants or brands (unauthorized_client scenarios).</summary>
    Restricted,

    /// <summary>A client that has client credentials only, no password grant (unauthorized_client for users, PW-06).</summary>
    ServiceOnly,

    /// <summary>A client dedicated to bursts of bad secrets (TE-11): a lockout must not lock a client others use.</summary>
    BruteForce,
}

public static class ClientRoles
{
    public static IReadOnlyList<ClientRole> All { get; } = Enum.GetValues<ClientRole>();

    public static string Key(this ClientRole role) => role switch
    {
        ClientRole.Primary => "primary",
        ClientRole.Second => "second",
        ClientRole.ShortLived => "shortLived",
        ClientRole.Restricted => "restricted",
        ClientRole.ServiceOnly => "serviceOnly",
        ClientRole.BruteForce => "bruteForce",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Describe(this ClientRole role) => role switch
    {
        ClientRole.ShortLived => "short-lived client",
        ClientRole.ServiceOnly => "client that may only use client credentials",
        ClientRole.BruteForce => "brute-force client",
        _ => $"{Key(role)} client",
    };
}
