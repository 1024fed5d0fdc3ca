namespace Rator.Contract.Tests.Support.Api;

/// <summary>The parameters a grant takes besides the brand and the client's credentials (RFC 6749 §4.3.2, §4.4.2, §6; the vendor's operator).</summary>
public enum TokenParameter
{
    GrantType,
    Username,
    Password,

    /// <summary>The operator client credentials acts for (docs/contract.md V4).</summary>
    Operator,

    RefreshToken,
}

public static class TokenParameters
{
    public static string WireName(this TokenParameter parameter) => parameter switch
    {
        TokenParameter.GrantType => "grant_type",
        TokenParameter.Username => "username",
        TokenParameter.Password => "password",
        TokenParameter.Operator => "operator",
        TokenParameter.RefreshToken => "refresh_token",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, null),
    };

    /// <summary>The parameters <paramref name="grant"/> requires, grant_type first.</summary>
    public static IReadOnlyList<TokenParameter> RequiredBy(TokenGrant grant) => grant switch
    {
        TokenGrant.Password or TokenGrant.Operator => [TokenParameter.GrantType, TokenParameter.Username, TokenParameter.Password],
        TokenGrant.ClientCredentials => [TokenParameter.GrantType, TokenParameter.Operator],
        TokenGrant.RefreshToken => [TokenParameter.GrantType, TokenParameter.RefreshToken],
        _ => throw new ArgumentOutOfRangeException(nameof(grant), grant, null),
    };
}

/// <summary>How a request departs from its grant's plain form in one parameter (TE-07, TE-08, ER-02).</summary>
public enum ParameterEditKind
{
    /// <summary>Not sent at all.</summary>
    Omitted,

    /// <summary>Sent without a value (RFC 6749 §3.2: to be treated as omitted).</summary>
    Empty,

    /// <summary>Sent twice: <see cref="ParameterEdit.FirstValue"/> first, then the request's own value.</summary>
    Repeated,
}

/// <param name="FirstValue">for <see cref="ParameterEditKind.Repeated"/>: the value sent first; null repeats the request's own value.</param>
public sealed record ParameterEdit(TokenParameter Parameter, ParameterEditKind Kind, string? FirstValue = null)
{
    public string Description => Kind switch
    {
        ParameterEditKind.Omitted => $"no {Parameter.WireName()}",
        ParameterEditKind.Empty => $"an empty {Parameter.WireName()}",
        _ => FirstValue is null ? $"{Parameter.WireName()} twice" : $"{Parameter.WireName()} twice, a wrong value first",
    };

    // A first value may be a made-up password or token: never printed.
    public override string ToString() => Description;
}
