using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>The tokens a scenario's caller holds, oldest first: the current one is what calls present.</summary>
public sealed class Wallet
{
    private readonly List<IssuedToken> _tokens = [];

    public IReadOnlyList<IssuedToken> Tokens => _tokens;

    public IssuedToken Current => _tokens.LastOrDefault()
        ?? throw new InvalidOperationException("The caller holds no token yet: a Given step must obtain one first.");

    public IssuedToken First => _tokens.FirstOrDefault() ?? Current;

    public bool HasToken => _tokens.Count > 0;

    public void Hold(IssuedToken token) => _tokens.Add(token);

    /// <summary>
    /// The token a renewal request renewed: the first held with its refresh token (a deployment that keeps refresh
    /// tokens answers the same one again, so the renewed token holds it too).
    /// </summary>
    public IssuedToken Renewed(TokenRequest renewal) =>
        _tokens.FirstOrDefault(t => t.RefreshToken is not null && t.RefreshToken == renewal.RefreshToken) ?? First;

    /// <summary>A renewal of the current token with the client and brand it was issued for.</summary>
    public TokenRequest RenewalRequest() => RenewalOf(Current);

    /// <summary>The current token's renewal presenting another refresh token (a forged one), or none at all.</summary>
    public TokenRequest RenewalPresenting(string? refreshToken) =>
        TokenRequest.Refresh(refreshToken, Current.Brand) with { Client = Current.Client };

    /// <exception cref="ScenarioNotJudgedException">the token came without a refresh token: a renewal sent without one
    /// would be refused whatever the rule under test, so the scenario would pass without having tried anything.</exception>
    public static TokenRequest RenewalOf(IssuedToken token) =>
        TokenRequest.Refresh(RefreshTokenOf(token), token.Brand) with { Client = token.Client };

    /// <summary>The refresh token a renewal presents; the scenario is not judged without one.</summary>
    public static string RefreshTokenOf(IssuedToken token) =>
        token.RefreshToken ?? throw new ScenarioNotJudgedException(
            $"The {token} came without a refresh token, so there was nothing to renew it with (that the password grant "
            + "issues one is PW-01's to judge).");
}
