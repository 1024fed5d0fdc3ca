using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// The vendor pages' examples as printed (docs/contract.md D7, D10, D12, V1, V2, V4; requirements DC-01..DC-06), with
/// only their placeholders replaced. They ignore the environment's brand-parameter setting on purpose: the pages
/// contradict each other, and these requests show which forms a deployment honours. <c>curl -u id:secret</c> does
/// not form-encode, hence <see cref="ClientAuthentication.BasicUnencoded"/>.
/// </summary>
public static class DocumentedExamples
{
    /// <summary>DC-01, the brand page: <c>curl -X POST -u id:secret ".../oauth/token?username=..&amp;password=..&amp;grant_type=password&amp;brand_key=.."</c>.</summary>
    public static TokenRequest BrandPagePassword(Principal user, string brand) =>
        TokenRequest.Password(user)
            .WithBrand(BrandPresentation.As(brand, BrandParameter.SnakeCase, ParameterPlace.Query))
            .WithParametersInQuery()
            .AuthenticatedBy(ClientAuthentication.BasicUnencoded);

    /// <summary>
    /// DC-08, the brand page's example with its placeholders copied literally:
    /// <c>curl -X POST -u myclientid:myclientsecret ".../oauth/token?username=#myusername&amp;password=..."</c>.
    /// Everything after '#' is a URL fragment, which is never sent: what travels is <c>POST ...?username=</c>
    /// with the placeholder client, no grant type and no brand.
    /// </summary>
    public static TokenRequest BrandPagePasswordWithLiteralPlaceholders() =>
        new TokenRequest { Grant = TokenGrant.Password, OmitGrantType = true }
            .WithClient(new OAuthClient("myclientid", "myclientsecret"))
            .AuthenticatedBy(ClientAuthentication.BasicUnencoded)
            .WithParametersInQuery()
            .WithExtraParameter("username", "");

    /// <summary>DC-02, the authentication page: <c>-d "grant_type=password&amp;username=..&amp;password=..&amp;brandKey=.."</c>.</summary>
    public static TokenRequest AuthenticationPagePassword(Principal user, string brand) =>
        TokenRequest.Password(user)
            .WithBrand(BrandPresentation.As(brand, BrandParameter.CamelCase, ParameterPlace.Form))
            .AuthenticatedBy(ClientAuthentication.BasicUnencoded);

    /// <summary>DC-03: <c>-d "grant_type=operator_password&amp;username=..&amp;password=..&amp;brandKey=.."</c>, the wire name as printed.</summary>
    public static TokenRequest AuthenticationPageOperator(Principal @operator, string brand) =>
        TokenRequest.OperatorPassword(@operator)
            .WithGrantType("operator_password")
            .WithBrand(BrandPresentation.As(brand, BrandParameter.CamelCase, ParameterPlace.Form))
            .AuthenticatedBy(ClientAuthentication.BasicUnencoded);

    /// <summary>DC-04 (REST v17+): <c>-d "grant_type=client_credentials&amp;operator=..&amp;brandKey=.."</c>.</summary>
    public static TokenRequest AuthenticationPageClientCredentials(string @operator, string brand) =>
        TokenRequest.ClientCredentials(@operator, null)
            .WithBrand(BrandPresentation.As(brand, BrandParameter.CamelCase, ParameterPlace.Form))
            .AuthenticatedBy(ClientAuthentication.BasicUnencoded);

    /// <summary>DC-05: <c>-H "Accept: application/json" -d "grant_type=refresh_token&amp;refresh_token=..&amp;brandKey=.."</c>.</summary>
    public static TokenRequest RefreshExample(string refreshToken, string brand, OAuthClient? issuingClient = null) =>
        TokenRequest.Refresh(refreshToken, null)
            .WithBrand(BrandPresentation.As(brand, BrandParameter.CamelCase, ParameterPlace.Form))
            .AuthenticatedBy(ClientAuthentication.BasicUnencoded) with { Client = issuingClient };

    /// <summary>DC-06, the brand page: GET balance with <c>Accept-Language: it</c>, <c>Authorization: Bearer</c>, <c>X-RATOR-brand-key</c>.</summary>
    public static ResourceRequest BrandPageBalance(string billingGroupId, string accessToken, string brand) =>
        ResourceRequest.Balance(billingGroupId, accessToken, brand).WithAcceptLanguage("it");
}
