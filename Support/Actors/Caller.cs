using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// Who is acting in a scenario: a customer or an operator of a brand, or an application acting for an
/// operator, through which client, preferring which language. "Given" steps set it up from the
/// environment's roles; "When" steps turn it into requests with <see cref="SignIn"/> and friends.
/// </summary>
public sealed class Caller
{
    public Principal? Person { get; set; }

    /// <summary>The grant the caller uses by default: the password grant for customers, the operator grant for operators.</summary>
    public TokenGrant Grant { get; set; } = TokenGrant.Password;

    /// <summary>Null means the environment's primary client.</summary>
    public OAuthClient? Client { get; set; }

    /// <summary>The operator an application acts for with client credentials (null sends none).</summary>
    public string? ActingFor { get; set; }

    public string? Language { get; set; }

    /// <summary>Set when the client was chosen for a declared capability: failure messages then name both readings.</summary>
    public DeclarationReading? Reading { get; set; }

    /// <summary>The brand the caller belongs to: the person's, or the one the application acts under.</summary>
    public string? Brand { get; set; }

    /// <summary>The caller becomes <paramref name="person"/>, signing in with <paramref name="grant"/> under their brand.</summary>
    public void Become(Principal person, TokenGrant grant)
    {
        Person = person;
        Brand = person.Brand;
        Grant = grant;
    }

    /// <summary>The caller becomes an application: <paramref name="client"/> acting for <paramref name="operator"/> with client credentials.</summary>
    public void ActFor(OAuthClient client, string? @operator, string brand)
    {
        Grant = TokenGrant.ClientCredentials;
        Client = client;
        ActingFor = @operator;
        Brand = brand;
    }

    public Principal RequirePerson() =>
        Person ?? throw new InvalidOperationException("The scenario named no customer or operator before asking for a token.");

    public string RequireBrand() =>
        Brand ?? Person?.Brand ?? throw new InvalidOperationException("The scenario named no brand for the caller.");

    /// <summary>The caller's own token request under this environment: the brand as declared, the client by Basic.</summary>
    public TokenRequest SignIn() => SignIn(Grant);

    /// <summary>The same caller signing in with another grant.</summary>
    public TokenRequest SignInWithGrant(TokenGrant grant) => SignIn(grant);

    private TokenRequest SignIn(TokenGrant grant)
    {
        var request = grant switch
        {
            TokenGrant.Password => TokenRequest.Password(RequirePerson()),
            TokenGrant.Operator => TokenRequest.OperatorPassword(RequirePerson()),
            TokenGrant.ClientCredentials => TokenRequest.ClientCredentials(ActingFor, RequireBrand()),
            _ => throw new InvalidOperationException("A refresh needs a token first: use the wallet's RenewalRequest."),
        };
        request = request with { Client = Client };
        return Language is null ? request : request.WithAcceptLanguage(Language);
    }

    /// <summary>What the caller asks for by default: a renewal of the held token when it uses the refresh grant.</summary>
    public TokenRequest Ask(Wallet wallet)
    {
        if (Grant != TokenGrant.RefreshToken)
            return SignIn();
        var renewal = wallet.RenewalRequest();
        return Language is null ? renewal : renewal.WithAcceptLanguage(Language);
    }

    /// <summary>The same request presenting another brand.</summary>
    public TokenRequest SignInFor(string? brand) => SignIn().WithBrand(brand is null ? BrandPresentation.Missing : BrandPresentation.Configured(brand));

    public override string ToString() => Person?.ToString() ?? $"application acting for {ActingFor ?? "nobody"} of {Brand}";
}
