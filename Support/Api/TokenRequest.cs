using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// A token request described by what it means, not by its HTTP: the grant and its inputs, the client and how it
/// authenticates, how the brand is presented, and the variations the contract scenarios probe. The
/// <see cref="TokenEndpoint"/> turns it into HTTP. Immutable: every <c>With...</c> returns a copy.
/// </summary>
public sealed record TokenRequest
{
    public required TokenGrant Grant { get; init; }

    /// <summary>The user (password grant) or operator (operator grant) whose credentials are sent.</summary>
    public Principal? User { get; init; }

    /// <summary>The operator client credentials acts for (docs/contract.md V4); null sends no <c>operator</c> parameter.</summary>
    public string? Operator { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>Null means the environment's primary client.</summary>
    public OAuthClient? Client { get; init; }

    public ClientAuthentication ClientAuthentication { get; init; } = ClientAuthentication.Basic;
    public BrandPresentation Brand { get; init; } = BrandPresentation.Missing;

    /// <summary>Where grant_type, credentials and the other grant parameters go; the vendor's DC-01 puts them in the query.</summary>
    public ParameterPlace GrantParametersIn { get; init; } = ParameterPlace.Form;

    /// <summary>Null sends no scope; an empty string sends <c>scope=</c> (TE-08).</summary>
    public string? Scope { get; init; }

    /// <summary>Replaces the grant's wire name (ER-04: an unknown or not-offered grant).</summary>
    public string? GrantTypeOverride { get; init; }

    public bool OmitGrantType { get; init; }

    /// <summary>Parameters sent twice, empty or not at all (TE-07, TE-08, ER-02), applied in order to the grant's parameters.</summary>
    public IReadOnlyList<ParameterEdit> ParameterEdits { get; init; } = [];

    /// <summary>Raw text appended to the address's query string as it is, for the malformed-address probes (ER-06).</summary>
    public string? RawQuerySuffix { get; init; }

    /// <summary>Parameters the contract does not know (TE-08: they must be ignored), sent with the grant parameters.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraParameters { get; init; } = [];

    /// <summary>GET puts every parameter in the query, as a form body has no place in it.</summary>
    public RequestMethod Method { get; init; } = RequestMethod.Post;

    public string? AcceptLanguage { get; init; }

    /// <summary>
    /// Send to the deployment's plain-HTTP address (<see cref="PlainHttpAddress"/>; TE-02: no token may come back). The
    /// request really travels in clear text, with the credentials it carries: only valid ones show whether a token would
    /// be issued, so an environment that must not send them in clear says "tls.plainHttpBaseUrl": null.
    /// </summary>
    public bool OverPlainHttp { get; init; }

    /// <summary>
    /// A body that is not the well-formed form (ER-06): the form the request would send is handed to
    /// <see cref="RawBody"/>'s transform, and its result goes out as is, with the given content type.
    /// </summary>
    public RawBody? RawBody { get; init; }

    public static TokenRequest Password(Principal user) => Password(user, user.Brand);

    /// <param name="brand">null sends no brand parameter.</param>
    public static TokenRequest Password(Principal user, string? brand) =>
        new() { Grant = TokenGrant.Password, User = user, Brand = BrandOrMissing(brand) };

    public static TokenRequest OperatorPassword(Principal @operator) => OperatorPassword(@operator, @operator.Brand);

    public static TokenRequest OperatorPassword(Principal @operator, string? brand) =>
        new() { Grant = TokenGrant.Operator, User = @operator, Brand = BrandOrMissing(brand) };

    public static TokenRequest ClientCredentials(string? @operator, string? brand) =>
        new() { Grant = TokenGrant.ClientCredentials, Operator = @operator, Brand = BrandOrMissing(brand) };

    public static TokenRequest Refresh(string? refreshToken, string? brand) =>
        new() { Grant = TokenGrant.RefreshToken, RefreshToken = refreshToken, Brand = BrandOrMissing(brand) };

    public TokenRequest WithClient(OAuthClient client) => this with { Client = client };

    public TokenRequest AuthenticatedBy(ClientAuthentication authentication) => this with { ClientAuthentication = authentication };

    public TokenRequest WithBrand(BrandPresentation brand) => this with { Brand = brand };

    public TokenRequest WithParametersInQuery() => this with { GrantParametersIn = ParameterPlace.Query };

    public TokenRequest WithScope(string scope) => this with { Scope = scope };

    public TokenRequest WithGrantType(string wireName) => this with { GrantTypeOverride = wireName, OmitGrantType = false };

    public TokenRequest WithoutGrantType() => this with { OmitGrantType = true };

    /// <summary>The parameter sent twice: <paramref name="firstValue"/> first (null: its own value again), then its own value.</summary>
    public TokenRequest WithRepeated(TokenParameter parameter, string? firstValue = null) =>
        Edited(new ParameterEdit(parameter, ParameterEditKind.Repeated, firstValue));

    /// <summary>The parameter sent with an empty value (<c>refresh_token=</c>).</summary>
    public TokenRequest WithEmpty(TokenParameter parameter) => Edited(new ParameterEdit(parameter, ParameterEditKind.Empty));

    /// <summary>The parameter not sent at all.</summary>
    public TokenRequest Without(TokenParameter parameter) => parameter == TokenParameter.GrantType
        ? WithoutGrantType()
        : Edited(new ParameterEdit(parameter, ParameterEditKind.Omitted));

    /// <param name="suffix">appended to the query string as it is (valid percent-escapes only: System.Uri re-escapes the others).</param>
    public TokenRequest WithRawQuerySuffix(string suffix) => this with { RawQuerySuffix = suffix };

    private TokenRequest Edited(ParameterEdit edit) => this with { ParameterEdits = [.. ParameterEdits, edit] };

    public TokenRequest WithExtraParameter(string name, string value) =>
        this with { ExtraParameters = [.. ExtraParameters, KeyValuePair.Create(name, value)] };

    public TokenRequest UsingGet() => this with { Method = RequestMethod.Get };

    public TokenRequest WithAcceptLanguage(string language) => this with { AcceptLanguage = language };

    public TokenRequest UsingPlainHttp() => this with { OverPlainHttp = true };

    /// <param name="transform">receives the form-encoded body the request would have sent ("" when none).</param>
    public TokenRequest WithRawBody(string contentType, Func<string, string> transform) =>
        this with { RawBody = new RawBody(contentType, transform) };

    /// <summary>The grant's wire name under this environment, or null when none is sent.</summary>
    public string? GrantTypeValue(EnvironmentProfile profile) => OmitGrantType ? null : GrantTypeOverride ?? Grant.WireName(profile);

    /// <summary>What the request is for, in the scenarios' words; names and roles only, never a credential.</summary>
    public string Describe(EnvironmentProfile profile)
    {
        var client = Client ?? profile.Clients.Find(ClientRole.Primary);
        var grant = Grant switch
        {
            TokenGrant.Password => $"password grant for {User?.ToString() ?? "no user"}",
            TokenGrant.Operator => $"operator grant for {User?.ToString() ?? "no operator"}",
            TokenGrant.ClientCredentials => $"client credentials{(Operator is null ? " without operator" : $" for operator {Operator}")}",
            _ => RefreshToken is null ? "refresh without a refresh token" : "refresh",
        };
        var variations = new List<string> { Brand.Description, $"{client?.ToString() ?? "no client"} by {DescribeAuthentication()}" };
        if (OmitGrantType) variations.Add("no grant_type");
        else if (GrantTypeOverride is not null) variations.Add($"grant_type {GrantTypeOverride}");
        variations.AddRange(ParameterEdits.Select(e => e.Description));
        if (RawQuerySuffix is not null) variations.Add("an odd address");
        if (GrantParametersIn == ParameterPlace.Query) variations.Add("parameters in the query");
        if (Scope is not null) variations.Add(Scope.Length == 0 ? "empty scope" : $"scope '{Scope}'");
        if (ExtraParameters.Count > 0) variations.Add($"extra parameters {string.Join(", ", ExtraParameters.Select(p => p.Key))}");
        if (Method == RequestMethod.Get) variations.Add("sent as GET");
        if (AcceptLanguage is not null) variations.Add($"Accept-Language {AcceptLanguage}");
        if (OverPlainHttp) variations.Add("over plain http://");
        if (RawBody is not null) variations.Add($"a raw {RawBody.ContentType} body");
        return $"{grant} ({string.Join("; ", variations)})";
    }

    // The principal holds a password: print the description instead of every property.
    public override string ToString() => $"{Grant} token request";

    private string DescribeAuthentication() => ClientAuthentication switch
    {
        ClientAuthentication.Basic => "Basic",
        ClientAuthentication.BasicUnencoded => "Basic without RFC 6749 encoding",
        ClientAuthentication.None => "no authentication",
        ClientAuthentication.FormBody => "id and secret in the form body",
        ClientAuthentication.Query => "id and secret in the query",
        ClientAuthentication.BasicAndFormBody => "Basic and the form body",
        _ => ClientAuthentication.ToString(),
    };

    private static BrandPresentation BrandOrMissing(string? brand) =>
        brand is null ? BrandPresentation.Missing : BrandPresentation.Configured(brand);
}
