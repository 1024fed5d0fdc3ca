using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// The people and clients the feature files name, found in the environment by role. A role the environment
/// does not declare raises <see cref="MissingRoleException"/>, which the verdict policy reports as SKIPPED.
/// </summary>
public sealed class Cast(EnvironmentProfile profile, TestData data)
{
    public string HomeBrand => profile.Brands.Primary;

    public string OtherBrand => profile.Brands.Secondary
        ?? throw new MissingRoleException("second brand", "brands.secondary", profile.Name);

    public Principal Customer(string brand) => profile.RequirePrincipal(brand, PrincipalRole.Customer);

    public Principal Operator(string brand) => profile.RequirePrincipal(brand, PrincipalRole.Operator);

    public Principal Person(PrincipalRole role, string brand) => profile.RequirePrincipal(brand, role);

    public OAuthClient Client(ClientRole role) => profile.RequireClient(role);

    /// <summary>The operator client credentials acts for: the environment's choice, else the home brand's operator.</summary>
    public string ClientCredentialsOperator =>
        profile.TokenEndpoint.ClientCredentials.Operator ?? Operator(HomeBrand).Username;

    /// <summary>The operators CC-04 says an application must never act for; null = no operator parameter at all.</summary>
    public string? ForbiddenOperator(string description) => description switch
    {
        "an operator that does not exist" => data.UnknownUsername(),
        "an operator of the other brand" => Operator(OtherBrand).Username,
        "the privileged operator of the home brand" => Person(PrincipalRole.PrivilegedOperator, HomeBrand).Username,
        "no operator at all" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(description), description, "No such operator in the glossary."),
    };
}
