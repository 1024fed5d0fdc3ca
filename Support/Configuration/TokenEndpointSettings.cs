namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// The environment's <c>tokenEndpoint</c> section: the deployment's choices where the vendor's contract leaves room
/// (docs/contract.md, "What the pages leave open"). Every default is the schema's.
/// </summary>
public sealed record TokenEndpointSettings
{
    private static EnvironmentSchema Schema => EnvironmentSchema.Default;

    public string Path { get; init; } = Schema.StringDefault("tokenEndpoint", "path");
    public BrandParameter BrandParameter { get; init; } = BrandParameter.Default;
    public string OperatorGrantType { get; init; } = Schema.StringDefault("tokenEndpoint", "operatorGrantType");
    public ClientCredentialsSettings ClientCredentials { get; init; } = ClientCredentialsSettings.Default;

    /// <summary>Spring Security OAuth2 re-uses refresh tokens by default, hence no rotation unless declared.</summary>
    public bool RefreshTokenRotation { get; init; } = Schema.BooleanDefault("tokenEndpoint", "refreshTokenRotation");

    /// <summary>Spring's DefaultTokenServices removes the old access token on refresh.</summary>
    public bool AccessTokenRevokedOnRefresh { get; init; } = Schema.BooleanDefault("tokenEndpoint", "accessTokenRevokedOnRefresh");

    /// <summary>
    /// How long a superseded refresh token is still accepted after rotation (RFC 9700 §4.14.2 leaves reuse
    /// detection's details open; OpenIddict's RefreshTokenReuseLeeway is 30 s by default); zero means none.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; init; } =
        TimeSpan.FromSeconds(Schema.IntegerDefault("tokenEndpoint", "refreshTokenReuseLeewaySeconds"));

    public IReadOnlyList<int> BrandRejectionStatus { get; init; } = Schema.IntegerListDefault("tokenEndpoint", "brandRejectionStatus");

    internal static TokenEndpointSettings Read(SettingsNode? node)
    {
        var settings = new TokenEndpointSettings();
        if (node is null)
            return settings;

        return new TokenEndpointSettings
        {
            Path = node.RelativePath("path") ?? settings.Path,
            BrandParameter = BrandParameter.Read(node.Object("brandParameter")),
            OperatorGrantType = node.String("operatorGrantType") ?? settings.OperatorGrantType,
            ClientCredentials = ClientCredentialsSettings.Read(node.Object("clientCredentials")),
            RefreshTokenRotation = node.Bool("refreshTokenRotation", settings.RefreshTokenRotation),
            AccessTokenRevokedOnRefresh = node.Bool("accessTokenRevokedOnRefresh", settings.AccessTokenRevokedOnRefresh),
            RefreshTokenReuseLeeway = node.Int("refreshTokenReuseLeewaySeconds") is { } leeway ? TimeSpan.FromSeconds(leeway) : settings.RefreshTokenReuseLeeway,
            BrandRejectionStatus = node.IntList("brandRejectionStatus") is { Count: > 0 } rejection ? rejection : settings.BrandRejectionStatus,
        };
    }
}
