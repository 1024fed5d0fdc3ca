namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// <c>tokenEndpoint.clientCredentials</c>. Client credentials exists only from REST v17 and needs an operator in Rator's
/// execution context (docs/contract.md V4); where it is not offered, its scenarios are NOT_APPLICABLE rather than failed.
/// </summary>
public sealed record ClientCredentialsSettings(bool Offered, string? Operator)
{
    public static ClientCredentialsSettings NotOffered { get; } = new(false, null);

    /// <summary>The schema's default (not offered), with no operator.</summary>
    public static ClientCredentialsSettings Default { get; } =
        new(EnvironmentSchema.Default.BooleanDefault("tokenEndpoint", "clientCredentials", "offered"), null);

    internal static ClientCredentialsSettings Read(SettingsNode? node) =>
        node is null ? Default : new ClientCredentialsSettings(node.Bool("offered", Default.Offered), node.String("operator"));
}
