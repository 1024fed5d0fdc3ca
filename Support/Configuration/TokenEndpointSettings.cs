namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>The deployment's choices where the vendor's contract leaves room (docs/contract.md, "What the pages leave open").</summary>
public sealed record TokenEndpointSettings
{
    public string Path { get; init; } = "oauth/token";
    public BrandParameter BrandParameter { get; init; } = BrandParameter.Default;
    public string OperatorGrantType { get; init; } = "operator_password";
    public ClientCredentialsSettings ClientCredentials { get; init; } = ClientCredentialsSettings.NotOffered;

    /// <summary>Spring Security OAuth2 re-uses refresh tokens by default, hence false unless declared.</summary>
    public bool RefreshTokenRotation { get; init; }

    /// <summary>Spring's DefaultTokenServices removes the old access token on refresh.</summary>
    public bool AccessTokenRevokedOnRefresh { get; init; } = true;

    /// <summary>
    /// How long a superseded refresh token is still accepted after rotation (RFC 9700 §4.14.2 leaves reuse
    /// detection's details open; OpenIddict's RefreshTokenReuseLeeway is 30 s by default); zero means none.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; init; }

    public IReadOnlyList<int> BrandRejectionStatus { get; init; } = [400];
}
