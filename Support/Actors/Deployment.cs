using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// The deployment under test as a scenario talks to it: every request goes through the scenario's API
/// client (so it is recorded) and every answer is kept in <see cref="Answers"/> for the Then steps; tokens
/// obtained for setup go to the caller's <see cref="Wallet"/>.
/// </summary>
public sealed class Deployment(RatorApi api, Answers answers, Wallet wallet)
{
    public EnvironmentProfile Profile => api.Profile;

    /// <summary>Asks for a token and keeps the answer; a token that comes back is held by the caller for the next steps.</summary>
    public async Task<ApiResponse> AskForTokenAsync(TokenRequest request)
    {
        var answer = answers.RecordTokenAnswer(await api.Tokens.RequestAsync(request), request);
        if (api.Tokens.TokenFrom(request, answer) is { } token)
            wallet.Hold(token);
        return answer;
    }

    public async Task<IssuedToken> ObtainTokenAsync(TokenRequest request)
    {
        var token = await api.Tokens.GetTokenAsync(request);
        wallet.Hold(token);
        return token;
    }

    public async Task<ApiResponse> ReadAsync(ResourceRequest request) =>
        answers.RecordResourceAnswer(await api.Resources.RequestAsync(request));
}
