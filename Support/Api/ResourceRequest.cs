namespace Rator.Contract.Tests.Support.Api;

/// <summary>The resources the suite probes (environment: resources.balance, resources.operatorOnly).</summary>
public enum ResourceKind
{
    /// <summary>The vendor page's billing-group balance (D10); the id is a billing group id.</summary>
    Balance,

    /// <summary>An operator-only resource (OP-02); the id is a customer id.</summary>
    OperatorOnly,
}

/// <summary>Where the access token travels (RFC 6750 §2: the header is the one to use, RS-06/RS-07 probe the others).</summary>
public enum TokenPlacement
{
    Header,
    Query,
    HeaderAndQuery,
    None,
}

/// <summary>
/// A resource call described by what it means: which resource and id, which token presented how, which brand
/// header. Immutable: every <c>With...</c> returns a copy.
/// </summary>
public sealed record ResourceRequest
{
    public const string BrandHeader = "X-RATOR-brand-key";

    public required ResourceKind Resource { get; init; }
    public required string Id { get; init; }
    public string? AccessToken { get; init; }
    public TokenPlacement TokenPlacement { get; init; } = TokenPlacement.Header;

    /// <summary>The authorization scheme as written (RS-02 probes "bearer" and "BEARER").</summary>
    public string Scheme { get; init; } = "Bearer";

    /// <summary>An Authorization header sent verbatim instead of scheme + token (RS-07: malformed credentials).</summary>
    public string? RawAuthorization { get; init; }

    /// <summary>The brand header's value; null sends no brand header (BK-05).</summary>
    public string? Brand { get; init; }

    public string BrandHeaderName { get; init; } = BrandHeader;
    public string? AcceptLanguage { get; init; }

    public static ResourceRequest Balance(string billingGroupId, string? accessToken, string? brand) =>
        new() { Resource = ResourceKind.Balance, Id = billingGroupId, AccessToken = accessToken, Brand = brand };

    public static ResourceRequest OperatorOnly(string customerId, string? accessToken, string? brand) =>
        new() { Resource = ResourceKind.OperatorOnly, Id = customerId, AccessToken = accessToken, Brand = brand };

    public ResourceRequest WithScheme(string scheme) => this with { Scheme = scheme };

    public ResourceRequest WithTokenIn(TokenPlacement placement) => this with { TokenPlacement = placement };

    public ResourceRequest WithoutToken() => this with { TokenPlacement = TokenPlacement.None };

    /// <summary>The token followed by ",junk" in the Authorization header: credentials no parser should accept (RS-07).</summary>
    public ResourceRequest WithJunkAfterToken() => this with { RawAuthorization = $"{Scheme} {AccessToken},junk" };

    public ResourceRequest WithBrand(string? brand) => this with { Brand = brand };

    public ResourceRequest WithoutBrandHeader() => this with { Brand = null };

    /// <summary>The brand header under a lower-case name: header names are case-insensitive (RFC 9110 §5.1, BK-05).</summary>
    public ResourceRequest WithLowerCaseBrandHeader() => this with { BrandHeaderName = BrandHeader.ToLowerInvariant() };

    public ResourceRequest WithAcceptLanguage(string language) => this with { AcceptLanguage = language };

    public string Describe()
    {
        var what = Resource == ResourceKind.Balance ? $"balance of billing group {Id}" : $"operator-only customer {Id}";
        var token = RawAuthorization is not null ? "a malformed Authorization header" : TokenPlacement switch
        {
            TokenPlacement.None => "no token",
            TokenPlacement.Query => "the token in the query",
            TokenPlacement.HeaderAndQuery => "the token in the header and the query",
            _ => AccessToken is null ? "no token" : Scheme == "Bearer" ? "a bearer token" : $"a token with scheme '{Scheme}'",
        };
        var brand = Brand is null ? "no brand header" : BrandHeaderName == BrandHeader ? $"brand {Brand}" : $"brand {Brand} as '{BrandHeaderName}'";
        var language = AcceptLanguage is null ? "" : $"; Accept-Language {AcceptLanguage}";
        return $"{what} ({token}; {brand}{language})";
    }

    // Holds a token: print the description instead of every property.
    public override string ToString() => Describe();
}
