using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// What a scenario judging the whole run (@whole-run) works on: the answers every other scenario of the run handed
/// over, gathered once they have all ended, and what its rule judged of them (shown beside its verdict).
/// </summary>
public sealed class WholeRun(RunAnswers run, EnvironmentProfile profile)
{
    public IReadOnlyList<RecordedAnswer> Answers { get; private set; } = [];

    /// <summary>The deployment's token endpoint, which tells its answers from the resources'.</summary>
    public Uri TokenEndpoint => profile.TokenEndpointUrl;

    /// <summary>What the rule judged, once it has; null before.</summary>
    public JudgedAnswers? Judged { get; private set; }

    /// <summary>
    /// Waits for the run's other scenarios to end and takes their answers. NUnit already runs a @whole-run scenario
    /// alone and last; the wait (never longer than the longest expiry wait and a request) only guards other runners.
    /// </summary>
    /// <exception cref="ScenarioSkippedException">other scenarios were still running at the bound: judging now would miss their answers.</exception>
    public async Task GatherAsync(string self)
    {
        var stillRunning = await run.WaitForOthersAsync(self, profile.MaxExpiryWait + profile.RequestTimeout);
        if (stillRunning.Count > 0)
            throw new ScenarioSkippedException(
                $"{stillRunning.Count} other scenario(s) were still running, so the whole run cannot be judged yet: {string.Join("; ", stillRunning.Take(5))}");
        Answers = run.All;
    }

    /// <summary>Keeps what <paramref name="judgement"/> covered; a judgement of nothing proves nothing, so it skips.</summary>
    /// <exception cref="ScenarioSkippedException">no answer of the kind was recorded by the scenarios this run selected.</exception>
    public WholeRunJudgement Keep(WholeRunJudgement judgement)
    {
        Judged = judgement.Judged;
        if (judgement.Judged.Answers == 0)
            throw new ScenarioSkippedException(
                $"no other scenario of this run recorded any of the {judgement.Judged.Kind} (select it with the scenarios whose answers it judges, e.g. the whole suite)");
        return judgement;
    }
}
