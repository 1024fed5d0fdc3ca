using Rator.Sandbox.OAuth;
using Rator.Sandbox.Seed;

namespace Rator.Sandbox.Variants;

/// <summary>The variants that change the fixtures; they apply when the seed is written, i.e. to a new database.</summary>
internal static class SeedVariants
{
    private const string RestrictedClient = "rator-restricted";
    private const string RestrictedBrand = "BRAND2";

    public static SeedDocument Apply(SeedDocument seed, ActiveVariants variants)
    {
        if (!variants.Has(VariantNames.RestrictedClientReshaped)) return seed;
        if (seed.Clients.All(c => c.ClientId != RestrictedClient) || seed.Brands.All(b => b.Key != RestrictedBrand))
            throw new SandboxConfigurationException(
                $"Variant '{VariantNames.RestrictedClientReshaped}' needs a seed with the client {RestrictedClient} and the brand {RestrictedBrand}.");
        // Another brand and another set of grants for the same role: the suite must read both from the declaration.
        return seed with
        {
            Clients = seed.Clients.Select(c => c.ClientId != RestrictedClient ? c : c with
            {
                Brands = [RestrictedBrand],
                Grants = [GrantTypes.Password, GrantTypes.ClientCredentials, GrantTypes.RefreshToken],
            }).ToList(),
        };
    }
}
