using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Everything a scenario talks to, bound to the scenario's recorder: built once per scenario from the run's
/// <see cref="RatorHttp"/> (Reqnroll's container can build it, or <see cref="TokenEndpoint"/> and
/// <see cref="ResourceApi"/> alone, from those two registered objects).
/// </summary>
public sealed class RatorApi(RatorHttp http, ExchangeRecorder recorder)
{
    public TokenEndpoint Tokens { get; } = new(http, recorder);
    public ResourceApi Resources { get; } = new(http, recorder);
    public ExchangeRecorder Recorder { get; } = recorder;
    public EnvironmentProfile Profile => http.Profile;
}
