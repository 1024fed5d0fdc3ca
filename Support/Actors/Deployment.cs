using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Probes;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// The deployment under test as a scenario talks to it: every request goes through the scenario's API
/// client (so it is recorded) and every answer is kept in <see cref="Answers"/> for the Then steps; tokens
/// obtained for setup go to the caller's <see cref="Wallet"/>. Bursts and comparisons of many requests keep
/// their answers as the batch.
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

    /// <summary>Sends a token request whose answer no step judges (a reset after a probe): neither kept nor held.</summary>
    public Task<ApiResponse> SendAsync(TokenRequest request) => api.Tokens.RequestAsync(request);

    /// <summary>A bounded burst of token requests one after another (<see cref="Bursts"/>), each made afresh; the answers are the batch.</summary>
    public async Task<IReadOnlyList<ApiResponse>> BurstAsync(int count, Func<int, TokenRequest> request) =>
        Batch(await Bursts.SequentialAsync(count, i => api.Tokens.RequestAsync(request(i))));

    /// <summary>Token requests sent all at once; the answers are the batch.</summary>
    public async Task<IReadOnlyList<ApiResponse>> ParallelBurstAsync(int count, Func<int, TokenRequest> request) =>
        Batch(await Bursts.ParallelAsync(count, i => api.Tokens.RequestAsync(request(i))));

    /// <summary>A bounded burst of resource calls one after another; the answers are the batch.</summary>
    public async Task<IReadOnlyList<ApiResponse>> ReadBurstAsync(int count, Func<int, ResourceRequest> request) =>
        Batch(await Bursts.SequentialAsync(count, i => api.Resources.RequestAsync(request(i))));

    /// <summary>Each kind of refused sign-in <paramref name="rounds"/> times, interleaved (<see cref="Enumeration"/>); the answers are the batch.</summary>
    public async Task<IReadOnlyList<ApiResponse>> CompareAsync(int rounds, params TokenRequest[] kinds) =>
        Batch(await Enumeration.AttemptAsync(api.Tokens, rounds, kinds));

    /// <summary>A scenario about the client credentials grant is not applicable where the environment declares it not offered.</summary>
    public static void RequireClientCredentials(EnvironmentProfile profile)
    {
        if (!profile.ClientCredentialsOffered)
            throw new ScenarioNotApplicableException("the environment declares no client credentials grant (it came with REST API 17)");
    }

    private IReadOnlyList<ApiResponse> Batch(IReadOnlyList<ApiResponse> batch)
    {
        answers.RecordBatch(batch);
        return batch;
    }
}
