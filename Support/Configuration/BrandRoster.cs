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
}
