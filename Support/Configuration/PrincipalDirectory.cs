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
}
