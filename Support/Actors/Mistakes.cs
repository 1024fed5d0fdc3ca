using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// The faulty token requests the error-format rules name (<see cref="Mistake"/>: a wrong password, no grant type...),
/// each derived from the caller's own sign-in so that exactly one thing is wrong with it: the one place that says what
/// request each phrase of the feature files sends.
/// </summary>
public sealed class Mistakes(Caller caller, Cast cast, TestData data)
{
    public TokenRequest Make(Mistake mistake)
    {
        var signIn = caller.SignIn();
        return mistake switch
        {
            Mistake.WrongPassword => signIn with { User = caller.RequirePerson() with { Password = data.WrongPassword() } },
            Mistake.UnknownGrantType => signIn.WithGrantType("foo"),
            // Nothing a grant takes, only the brand and the client's credentials: the grant type alone decides (ER-04).
            Mistake.OnlyAnUnknownGrantType => TokenRequest.Password(caller.RequirePerson()).WithGrantType("foo")
                .Without(TokenParameter.Username).Without(TokenParameter.Password) with { Client = caller.Client },
            Mistake.NoGrantType => signIn.WithoutGrantType(),
            Mistake.NoPassword => signIn.WithRawBody("application/x-www-form-urlencoded", form => WithoutParameter(form, "password")),
            Mistake.WrongClientSecret => signIn.WithClient(cast.Client(ClientRole.Primary) with { Secret = data.WrongPassword() }),
            Mistake.UnknownRefreshToken => TokenRequest.Refresh(data.ForgedToken(), caller.RequireBrand()) with { Client = caller.Client },
            Mistake.NoBrand => signIn.WithBrand(BrandPresentation.Missing),
            Mistake.UsernameOf10000Characters => signIn with { User = caller.RequirePerson() with { Username = data.Text(10_000) } },
            Mistake.UsernameInAnotherAlphabet => signIn with { User = caller.RequirePerson() with { Username = "пользователь.用户.χρήστης" } },
            Mistake.ControlCharacterInThePassword => signIn with { User = caller.RequirePerson() with { Password = "Pass\u0001word\u0000" } },
            Mistake.BodyOf200Kilobytes => signIn.WithExtraParameter("padding", data.Text(200 * 1024)),
            // Bodies that are no well-formed form at all: sent as they are.
            Mistake.JsonBodyInsteadOfAForm => signIn.WithRawBody("application/json", _ => "{\"grant_type\":\"password\",\"username\":\"x\"}"),
            Mistake.XmlContentType => signIn.WithRawBody("application/xml", form => form),
            // The username itself is broken, not a second one a server may ignore for the first (RFC 6749 §3.2 leaves that open).
            Mistake.BrokenPercentEncoding => signIn.WithRawBody("application/x-www-form-urlencoded",
                form => System.Text.RegularExpressions.Regex.Replace(form, "(^|&)username=[^&]*", "$1username=%zz%E0%A4%A")),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
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

    /// <summary>A sign-in as <paramref name="person"/> by a username no account has: the enumeration probes' unknown user.</summary>
    public TokenRequest UnknownUserInsteadOf(Principal person) =>
        TokenRequest.Password(person with { Username = data.UnknownUsername(), Password = data.WrongPassword() });

    /// <summary>A sign-in as <paramref name="person"/> with a wrong password: one ordinary mistake on an existing account.</summary>
    public TokenRequest WrongPasswordOf(Principal person) => TokenRequest.Password(person with { Password = data.WrongPassword() });

    /// <summary><paramref name="person"/>'s sign-in through <paramref name="client"/> presenting a wrong secret (SH-07's secret guessing).</summary>
    public TokenRequest WrongSecretOf(OAuthClient client, Principal person) =>
        TokenRequest.Password(person).WithClient(client with { Secret = data.WrongPassword() });

    /// <summary>A client that fails to authenticate in one of the ways TE-06 names.</summary>
    public OAuthClient BadClient(BadClientCredentials credentials)
    {
        var primary = cast.Client(ClientRole.Primary);
        return credentials switch
        {
            BadClientCredentials.WrongSecret => primary with { Secret = data.WrongPassword() },
            BadClientCredentials.EmptySecret => primary with { Secret = "" },
            BadClientCredentials.UnknownClient => new OAuthClient(data.UnknownUsername(), data.WrongPassword()),
            _ => throw new ArgumentOutOfRangeException(nameof(credentials), credentials, null),
        };
    }

    /// <summary>The unknown and malformed brand keys BK-02 names.</summary>
    public string StrangeBrand(StrangeBrandKey brand) => brand switch
    {
        StrangeBrandKey.Unknown => data.UnknownBrandKey(),
        StrangeBrandKey.ThreeHundredCharacters => data.Text(300),
        StrangeBrandKey.Markup => "<script>alert('BRAND1')</script>",
        StrangeBrandKey.Sql => "BRAND1' OR '1'='1' --",
        StrangeBrandKey.AnotherAlphabet => "МАРКА-品牌-Ω",
        _ => throw new ArgumentOutOfRangeException(nameof(brand), brand, null),
    };

    private static string WithoutParameter(string form, string name) =>
        string.Join('&', form.Split('&').Where(pair => !pair.StartsWith(name + "=", StringComparison.Ordinal)));
}
