namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>The environment's brands: the primary one is mandatory, the secondary one optional.</summary>
public sealed class BrandRoster
{
    private readonly string environment;

    public BrandRoster(string primary, string? secondary, string environment)
    {
        Primary = primary;
        Secondary = secondary;
        this.environment = environment;
    }

    public string Primary { get; }
    public string? Secondary { get; }

    public IReadOnlyList<string> All => Secondary is null ? [Primary] : [Primary, Secondary];

    public bool IsDeclared(string brand) => All.Contains(brand, StringComparer.Ordinal);

    public string? Find(BrandRole role) => role == BrandRole.Primary ? Primary : Secondary;

    /// <exception cref="MissingRoleException">no secondary brand is declared.</exception>
    public string Require(BrandRole role) =>
        Find(role) ?? throw new MissingRoleException("second brand", "brands.secondary", environment);

    public override string ToString() => string.Join(", ", All);

    /// <summary>The <c>brands</c> section; null when it declares no primary brand (the schema reported that).</summary>
    internal static BrandRoster? Read(SettingsNode? node, string environment)
    {
        if (node is null)
            return null;

        var primary = BrandKey(node, "primary");
        var secondary = BrandKey(node, "secondary");
        if (primary is not null && primary == secondary)
        {
            node.Error("secondary", "must differ from the primary brand");
            return null;
        }

        return primary is null ? null : new BrandRoster(primary, secondary, environment);
    }

    private static string? BrandKey(SettingsNode node, string key) => node.String(key) is { Length: > 0 } brand ? brand : null;
}
