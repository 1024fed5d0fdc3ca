namespace Rator.Sandbox.Storage;

/// <summary>One OAUTH_CLIENT_DETAILS row with its brands.</summary>
internal sealed record ClientRecord(
    string ClientId,
    string SecretHash,
    IReadOnlyList<string> Scopes,
    IReadOnlySet<string> Grants,
    IReadOnlySet<string> Brands,
    int AccessTokenValiditySeconds,
    int RefreshTokenValiditySeconds);

internal enum PrincipalKind { Customer, Operator }

/// <summary>A customer or an operator of one brand.</summary>
internal sealed record PrincipalRecord(
    PrincipalKind Kind, string Brand, string Username, string PasswordHash, bool Locked, bool Privileged, string? CustomerId);

internal sealed record BillingGroupRecord(string BillingGroupId, string Brand, string CustomerId, decimal Balance, string Currency);

internal sealed record CustomerRecord(string CustomerId, string Brand, string Username, string? Name, bool Locked, IReadOnlyList<string> BillingGroupIds);

internal enum TokenKind { Access, Refresh }

/// <summary>A stored token, identified by its SHA-256 digest; the value itself is never stored.</summary>
internal sealed record TokenRecord(
    string Digest,
    TokenKind Kind,
    string ClientId,
    string Brand,
    PrincipalKind PrincipalKind,
    string PrincipalName,
    string GrantType,
    string Scope,
    string FamilyId,
    string? RefreshDigest,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Revoked,
    DateTimeOffset? SupersededAt);
