using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// The faulty token requests the error-format rules name ("a wrong password", "no grant type"...), each
/// derived from the caller's own sign-in so that exactly one thing is wrong with it.
/// </summary>
public sealed class Mistakes(Caller caller, Cast cast, TestData data)
{
    public TokenRequest Make(string mistake)
    {
        var signIn = caller.SignIn();
        return mistake switch
        {
            "a wrong password" => signIn with { User = caller.RequirePerson() with { Password = data.WrongPassword() } },
            "an unknown grant type" => signIn.WithGrantType("foo"),
            // Nothing a grant takes, only the brand and the client's credentials: the grant type alone decides (ER-04).
            "only an unknown grant type" => TokenRequest.Password(caller.RequirePerson()).WithGrantType("foo")
                .Without(TokenParameter.Username).Without(TokenParameter.Password) with { Client = caller.Client },
            "no grant type" => signIn.WithoutGrantType(),
            "no password" => signIn.WithRawBody("application/x-www-form-urlencoded", form => WithoutParameter(form, "password")),
            "a wrong client secret" => signIn.WithClient(cast.Client(ClientRole.Primary) with { Secret = data.WrongPassword() }),
            "an unknown refresh token" => TokenRequest.Refresh(data.ForgedToken(), caller.RequireBrand()) with { Client = caller.Client },
            "no brand" => signIn.WithBrand(BrandPresentation.Missing),
            "a username of 10000 characters" => signIn with { User = caller.RequirePerson() with { Username = data.Text(10_000) } },
            "a username in another alphabet" => signIn with { User = caller.RequirePerson() with { Username = "пользователь.用户.χρήστης" } },
            "a control character in the password" => signIn with { User = caller.RequirePerson() with { Password = "Pass\u0001word\u0000" } },
            "a body of 200 kilobytes" => signIn.WithExtraParameter("padding", data.Text(200 * 1024)),
            // Bodies that are no well-formed form at all: sent as they are.
            "a JSON body instead of a form" => signIn.WithRawBody("application/json", _ => "{\"grant_type\":\"password\",\"username\":\"x\"}"),
            "an XML content type" => signIn.WithRawBody("application/xml", form => form),
            // The username itself is broken, not a second one a server may ignore for the first (RFC 6749 §3.2 leaves that open).
            "a broken percent-encoding" => signIn.WithRawBody("application/x-www-form-urlencoded",
                form => System.Text.RegularExpressions.Regex.Replace(form, "(^|&)username=[^&]*", "$1username=%zz%E0%A4%A")),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "No such mistake in the error-format rules."),
        };
    }

    /// <summary>
    /// The request with <paramref name="parameter"/> sent twice, a value of the same kind that buys nothing first (an
    /// unknown grant type, user or operator, a wrong password, a refresh token never issued): a server that refuses the
    /// repetition, or reads the first value, issues no token; only one that lets the later value win does (TE-07).
    /// </summary>
    public TokenRequest NamedTwiceWrongFirst(TokenRequest request, TokenParameter parameter) => request.WithRepeated(parameter, parameter switch
    {
        TokenParameter.GrantType => $"x_{data.Word()}",
        TokenParameter.Username or TokenParameter.Operator => data.UnknownUsername(),
        TokenParameter.Password => data.WrongPassword(),
        _ => data.ForgedToken(),
    });

    /// <summary>A client that fails to authenticate in one of the ways TE-06 names.</summary>
    public OAuthClient BadClient(string credentials)
    {
        var primary = cast.Client(ClientRole.Primary);
        return credentials switch
        {
            "a wrong secret" => primary with { Secret = data.WrongPassword() },
            "an empty secret" => primary with { Secret = "" },
            "the identity of an unknown client" => new OAuthClient(data.UnknownUsername(), data.WrongPassword()),
            _ => throw new ArgumentOutOfRangeException(nameof(credentials), credentials, "No such client credentials in TE-06."),
        };
    }

    /// <summary>The unknown and malformed brand keys BK-02 names.</summary>
    public string StrangeBrand(string brand) => brand switch
    {
        "a brand that does not exist" => data.UnknownBrandKey(),
        "a brand key of 300 characters" => data.Text(300),
        "a brand key with markup in it" => "<script>alert('BRAND1')</script>",
        "a brand key with SQL in it" => "BRAND1' OR '1'='1' --",
        "a brand key in another alphabet" => "МАРКА-品牌-Ω",
        _ => throw new ArgumentOutOfRangeException(nameof(brand), brand, "No such brand key in BK-02."),
    };

    private static string WithoutParameter(string form, string name) =>
        string.Join('&', form.Split('&').Where(pair => !pair.StartsWith(name + "=", StringComparison.Ordinal)));
}
