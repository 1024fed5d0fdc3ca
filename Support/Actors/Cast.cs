using Rator.Contract.Tests.Support.Api;
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

    /// <summary>A customer's own sign-in (password grant, their brand, the primary client): what a probe compares mistakes with.</summary>
    public static TokenRequest SignInOf(Principal customer) => TokenRequest.Password(customer);

    public Principal Person(PrincipalRole role, string brand) => profile.RequirePrincipal(brand, role);

    public OAuthClient Client(ClientRole role) => profile.RequireClient(role);

    /// <summary>The operator client credentials acts for: the environment's choice, else the home brand's operator.</summary>
    public string ClientCredentialsOperator =>
        profile.TokenEndpoint.ClientCredentials.Operator ?? Operator(HomeBrand).Username;

    /// <summary>The operators CC-04 says an application must never act for; null = no operator parameter at all.</summary>
    public string? ForbiddenOperator(ForbiddenOperator @operator) => @operator switch
    {
        Actors.ForbiddenOperator.Unknown => data.UnknownUsername(),
        Actors.ForbiddenOperator.OfTheOtherBrand => Operator(OtherBrand).Username,
        Actors.ForbiddenOperator.PrivilegedOfTheHomeBrand => Person(PrincipalRole.PrivilegedOperator, HomeBrand).Username,
        Actors.ForbiddenOperator.NoneAtAll => null,
        _ => throw new ArgumentOutOfRangeException(nameof(@operator), @operator, null),
    };

    /// <summary>The billing group a customer owns, the balance probe's id; undeclared means SKIPPED, never a crash.</summary>
    public string BillingGroupOf(Principal customer) => customer.BillingGroupId
        ?? throw new MissingRoleException($"billing group of {customer}", $"principals.{customer.Brand}.{customer.Role?.Key()}.billingGroupId", profile.Name);

    /// <summary>The customer's id, the operator-only probe's id.</summary>
    public string CustomerIdOf(Principal customer) => customer.CustomerId
        ?? throw new MissingRoleException($"customer id of {customer}", $"principals.{customer.Brand}.{customer.Role?.Key()}.customerId", profile.Name);

    /// <summary>
    /// A read of <paramref name="customer"/>'s billing group balance presenting <paramref name="accessToken"/> and the brand
    /// header <paramref name="brand"/> (the customer's own brand unless another is named).
    /// </summary>
    public ResourceRequest BalanceOf(Principal customer, string? accessToken, string? brand = null) =>
        ResourceRequest.Balance(BillingGroupOf(customer), accessToken, brand ?? customer.Brand);

    /// <summary>A read of <paramref name="customer"/>'s record on the operator-only resource (OP-02).</summary>
    public ResourceRequest RecordOf(Principal customer, string? accessToken, string? brand) =>
        ResourceRequest.OperatorOnly(CustomerIdOf(customer), accessToken, brand);

    // The restricted client is the role meant for it; any other declared client with the capability will do,
    // except the brute-force client, whose secret bursts may have locked it.
    private static readonly ClientRole[] CapabilityOrder =
        [ClientRole.Restricted, ClientRole.ServiceOnly, ClientRole.Second, ClientRole.ShortLived, ClientRole.Primary];

    /// <summary>
    /// A declared client whose clients.&lt;role&gt;.grants leave out <paramref name="grant"/> but which may act for
    /// the home brand, so that a refusal can only be about the grant.
    /// </summary>
    public (OAuthClient Client, DeclarationReading Reading) ClientWithout(TokenGrant grant)
    {
        var wire = grant.WireName(profile);
        foreach (var (role, client) in Declared())
        {
            if (!client.HasGrant(wire) && client.AllowsBrand(HomeBrand))
                return (client, new DeclarationReading($"{client} without the {wire} grant", $"clients.{role.Key()}.grants"));
        }
        throw new MissingRoleException($"client without the {wire} grant that may act for the home brand", "clients.<role>.grants", profile.Name);
    }

    /// <summary>
    /// A declared client whose clients.&lt;role&gt;.brands leave out one of the declared brands, and that brand;
    /// the client has the password grant, so that a refusal can only be about the brand.
    /// </summary>
    public (OAuthClient Client, string Brand, DeclarationReading Reading) ClientOutsideABrand()
    {
        foreach (var (role, client) in Declared())
        {
            if (client.Brands is null || !client.HasGrant("password"))
                continue;
            if (profile.Brands.All.FirstOrDefault(brand => !client.AllowsBrand(brand)) is { } outside)
                return (client, outside, new DeclarationReading($"{client} for {string.Join(", ", client.Brands)} only, not for {outside}", $"clients.{role.Key()}.brands"));
        }
        throw new MissingRoleException("client with the password grant that is registered for some of the brands only", "clients.<role>.brands", profile.Name);
    }

    private IEnumerable<(ClientRole Role, OAuthClient Client)> Declared() =>
        CapabilityOrder.Select(role => (role, client: profile.Clients.Find(role))).Where(c => c.client is not null)!;
}
