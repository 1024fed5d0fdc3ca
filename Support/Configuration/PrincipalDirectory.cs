using System.Text.Json;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>The environment's principals by brand and role; a missing one is a reason to skip, never to fail.</summary>
public sealed class PrincipalDirectory
{
    private readonly IReadOnlyDictionary<(string Brand, PrincipalRole Role), Principal> principals;
    private readonly string environment;

    public PrincipalDirectory(IEnumerable<Principal> principals, string environment)
    {
        this.principals = principals
            .Where(p => p.Role is not null)
            .ToDictionary(p => (p.Brand, p.Role!.Value));
        this.environment = environment;
    }

    public IEnumerable<Principal> All => principals.Values;

    public Principal? Find(string brand, PrincipalRole role) => principals.GetValueOrDefault((brand, role));

    /// <exception cref="MissingRoleException">the environment declares no such principal.</exception>
    public Principal Require(string brand, PrincipalRole role) =>
        Find(brand, role) ?? throw new MissingRoleException($"{role.Describe()} of {brand}", $"principals.{brand}.{role.Key()}", environment);

    /// <summary>The <c>principals</c> section: per declared brand, one user per role.</summary>
    internal static PrincipalDirectory Read(SettingsNode? node, BrandRoster? brands, string environment)
    {
        var principals = new List<Principal>();
        if (node is null)
            return new PrincipalDirectory(principals, environment);

        foreach (var (brand, value) in node.Entries())
        {
            if (brands is not null && !brands.IsDeclared(brand))
                node.Error(brand, $"principals of '{brand}', which is not a declared brand (brands: {brands})");

            if (value.ValueKind != JsonValueKind.Object)
                continue; // the schema reported it

            var brandNode = node.Child(brand, value);
            foreach (var role in PrincipalRoles.All)
            {
                if (brandNode.Object(role.Key()) is { } child && Principal.Read(child, brand, role) is { } principal)
                    principals.Add(principal);
            }
        }

        return new PrincipalDirectory(principals, environment);
    }
}
