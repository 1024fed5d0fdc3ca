namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// The faulty token requests the error-format rules name, one thing wrong in each; the feature files' phrases are
/// bound in SignInSteps, the requests made in <see cref="Mistakes.Make"/>.
/// </summary>
public enum Mistake
{
    WrongPassword,
    UnknownGrantType,
    OnlyAnUnknownGrantType,
    NoGrantType,
    NoPassword,
    WrongClientSecret,
    UnknownRefreshToken,
    NoBrand,
    UsernameOf10000Characters,
    UsernameInAnotherAlphabet,
    ControlCharacterInThePassword,
    BodyOf200Kilobytes,
    JsonBodyInsteadOfAForm,
    XmlContentType,
    BrokenPercentEncoding,
}

/// <summary>The ways a client fails to authenticate that TE-06 names.</summary>
public enum BadClientCredentials
{
    WrongSecret,
    EmptySecret,
    UnknownClient,
}

/// <summary>The unknown and malformed brand keys BK-02 names.</summary>
public enum StrangeBrandKey
{
    Unknown,
    ThreeHundredCharacters,
    Markup,
    Sql,
    AnotherAlphabet,
}
