namespace Rator.Sandbox;

/// <summary>The variables <see cref="SandboxOptions.WithEnvironmentOverrides()"/> honours.</summary>
internal static class EnvironmentVariables
{
    public const string Defects = "RATOR_SANDBOX_DEFECTS";
    public const string Variants = "RATOR_SANDBOX_VARIANTS";
    public const string LatencyMs = "RATOR_SANDBOX_LATENCY_MS";
    public const string Database = "RATOR_SANDBOX_DB";
    public const string Seed = "RATOR_SANDBOX_SEED";
    public const string AppContext = "RATOR_SANDBOX_APP_CONTEXT";
    public const string OperatorGrantType = "RATOR_SANDBOX_OPERATOR_GRANT_TYPE";
    public const string ClientCredentials = "RATOR_SANDBOX_CLIENT_CREDENTIALS";
    public const string RotateRefreshTokens = "RATOR_SANDBOX_ROTATE_REFRESH_TOKENS";
    public const string AllowRemote = "RATOR_SANDBOX_ALLOW_REMOTE";
}
