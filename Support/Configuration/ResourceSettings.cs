namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>A resource call to probe; <see cref="Path"/> holds an <c>{id}</c> placeholder, relative to the base URL.</summary>
public sealed record ResourceProbe(string Path)
{
    public const string IdPlaceholder = "{id}";

    public string PathFor(string id) => Path.Replace(IdPlaceholder, Uri.EscapeDataString(id), StringComparison.Ordinal);

    /// <summary>The probe a section declares; null when it names no path (the schema reported the shape).</summary>
    internal static ResourceProbe? Read(SettingsNode? node) =>
        node?.RelativePath("path") is { } path ? new ResourceProbe(path) : null;
}

/// <summary>
/// The environment's <c>resources</c> section: the resources the suite probes, and the statuses the deployment uses to
/// reject a wrong brand. Every default is the schema's.
/// </summary>
public sealed record ResourceSettings
{
    private static EnvironmentSchema Schema => EnvironmentSchema.Default;

    public IReadOnlyList<int> BrandRejectionStatus { get; init; } = Schema.IntegerListDefault("resources", "brandRejectionStatus");
    public ResourceProbe Balance { get; init; } = new(Schema.MemberDefault("path", "resources", "balance"));

    /// <summary>An operator-only resource (OP-02); null when the deployment names none.</summary>
    public ResourceProbe? OperatorOnly { get; init; } = new(Schema.MemberDefault("path", "resources", "operatorOnly"));

    internal static ResourceSettings Read(SettingsNode? node)
    {
        var settings = new ResourceSettings();
        if (node is null)
            return settings;

        return new ResourceSettings
        {
            BrandRejectionStatus = node.IntList("brandRejectionStatus") is { Count: > 0 } rejection ? rejection : settings.BrandRejectionStatus,
            Balance = ResourceProbe.Read(node.Object("balance")) ?? settings.Balance,
            OperatorOnly = node.IsNull("operatorOnly") ? null : ResourceProbe.Read(node.Object("operatorOnly")) ?? settings.OperatorOnly,
        };
    }
}
