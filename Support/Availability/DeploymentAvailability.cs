using System.Globalization;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Support.Availability;

/// <summary>What became of an answer an outage gives, once the deployment's availability was checked.</summary>
public enum AvailabilityState
{
    /// <summary>The deployment issued a first token at once, and no outage was seen since the answer: the answer may be its own.</summary>
    Available,

    /// <summary>The deployment was unavailable at or after the answer and answers again now: the scenario can run again.</summary>
    Recovered,

    /// <summary>The deployment stayed unavailable for as long as the run waits (target.unavailableWaitSeconds).</summary>
    Unavailable,
}

/// <param name="Outage">The outage the answer belonged to; null when <see cref="AvailabilityState.Available"/>.</param>
public sealed record AvailabilityVerdict(AvailabilityState State, DeploymentOutage? Outage);

/// <summary>
/// The run's one view of whether the deployment is there at all. A scenario that met an answer an outage gives asks it;
/// the first to ask checks (the first-token request), and while the deployment is unavailable every scenario that asks,
/// or is about to start, waits for the same outage: announced on the console, bounded by target.unavailableWaitSeconds,
/// the wait between checks doubling from 1 s to 5 s or following the deployment's Retry-After. Once the run has waited
/// an outage out in vain it waits no more: later checks look once, so a deployment that went away for good ends the
/// run in bounded time, its scenarios not judged rather than failed.
/// </summary>
public sealed class DeploymentAvailability
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShortestPause = TimeSpan.FromMilliseconds(200);

    private readonly Func<CancellationToken, Task<AvailabilityCheck>> check;
    private readonly Func<DateTimeOffset> now;
    private readonly Func<TimeSpan, Task> delay;
    private readonly Action<string> announce;
    private readonly Lock gate = new();
    private readonly List<Episode> episodes = [];
    private readonly HashSet<string> notJudged = new(StringComparer.Ordinal);
    private Task<Episode?>? pending;
    private Episode? givenUp;

    /// <param name="check">One availability check (<see cref="AvailabilityProbe.CheckAsync"/>).</param>
    /// <param name="waitLimit">The longest one outage is waited out (target.unavailableWaitSeconds).</param>
    /// <param name="now">The clock; the system's by default (tests pass their own, with <paramref name="delay"/>).</param>
    /// <param name="announce">Where announcements go; by default to <see cref="Announced"/>.</param>
    public DeploymentAvailability(Func<CancellationToken, Task<AvailabilityCheck>> check, TimeSpan waitLimit,
        Func<DateTimeOffset>? now = null, Func<TimeSpan, Task>? delay = null, Action<string>? announce = null)
    {
        this.announce = announce ?? (line => Announced?.Invoke(line));
        this.check = check;
        WaitLimit = waitLimit;
        this.now = now ?? (() => DateTimeOffset.UtcNow);
        this.delay = delay ?? (wait => Task.Delay(wait));
    }

    /// <summary>Raised with each announcement (an outage begins, ends, or outlasts the wait); the in-process run prints it.</summary>
    public static event Action<string>? Announced;

    public TimeSpan WaitLimit { get; }

    /// <summary>Every outage of the run so far.</summary>
    public IReadOnlyList<DeploymentOutage> Outages
    {
        get
        {
            lock (gate)
                return episodes.Select(e => e.Snapshot(WaitLimit)).ToList();
        }
    }

    /// <param name="answeredAt">When the outage's answer came (the earliest, when several did).</param>
    public async Task<AvailabilityVerdict> CheckAsync(DateTimeOffset answeredAt)
    {
        Task<Episode?> checking;
        lock (gate)
        {
            if (pending is null || pending.IsCompleted)
                pending = CheckOrWaitAsync();
            checking = pending;
        }

        var episode = await checking;
        lock (gate)
        {
            if (episode is not null)
                return new AvailabilityVerdict(episode.End is null ? AvailabilityState.Unavailable : AvailabilityState.Recovered, episode.Snapshot(WaitLimit));
            // Available now; an outage that ended after the answer came, and so was going on when it came, explains it.
            var ended = episodes.LastOrDefault(e => e.End >= answeredAt);
            return ended is null
                ? new AvailabilityVerdict(AvailabilityState.Available, null)
                : new AvailabilityVerdict(AvailabilityState.Recovered, ended.Snapshot(WaitLimit));
        }
    }

    /// <summary>Returns once no outage is being waited out: a scenario starting now would only meet it.</summary>
    public async Task WhenNotWaitingAsync()
    {
        Task<Episode?>? waiting;
        lock (gate)
            waiting = pending;
        if (waiting is { IsCompleted: false })
            await waiting;
    }

    /// <summary>A scenario the outage touched runs again.</summary>
    public void NoteRunAgain(DeploymentOutage outage) => Find(outage, e => e.RunAgain++);

    /// <summary>A scenario the outage touched is not judged (ERROR): the run exits 3 when nothing else gates.</summary>
    public void NoteNotJudged(DeploymentOutage outage, string scenario)
    {
        Find(outage, e => e.NotJudged++);
        lock (gate)
            notJudged.Add(scenario);
    }

    /// <summary>The scenario (by its NUnit full name) ended not judged because of an outage.</summary>
    public bool WasNotJudged(string scenario)
    {
        lock (gate)
            return notJudged.Contains(scenario);
    }

    private void Find(DeploymentOutage outage, Action<Episode> change)
    {
        lock (gate)
            if (episodes.FirstOrDefault(e => e.Start == outage.Start) is { } episode)
                change(episode);
    }

    /// <summary>Null when the deployment is available; otherwise the outage, ended (recovered) or not.</summary>
    private async Task<Episode?> CheckOrWaitAsync()
    {
        var found = await check(CancellationToken.None);
        Episode episode;
        lock (gate)
        {
            if (found.Available)
            {
                givenUp = null;
                return null;
            }

            if (givenUp is not null)
            {
                givenUp.LastChecked = now();
                return givenUp;
            }

            episode = new Episode(now(), found.Answer);
            episodes.Add(episode);
        }

        Announce($"The deployment became unavailable at {Time(episode.Start)} (first token: {found.Answer}): the scenarios it touched "
                 + $"wait up to {WaitLimit.TotalSeconds:0} s for it (target.unavailableWaitSeconds), then run again.");
        var deadline = episode.Start + WaitLimit;
        var pause = FirstPause;
        while (deadline - now() > TimeSpan.Zero)
        {
            var wait = found.RetryAfter ?? pause;
            wait = wait < ShortestPause ? ShortestPause : wait;
            var remaining = deadline - now();
            await delay(wait < remaining ? wait : remaining);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            found = await check(CancellationToken.None);
            lock (gate)
            {
                episode.LastChecked = now();
                if (found.Available)
                    episode.End = episode.LastChecked;
            }

            if (episode.End is not null)
            {
                Announce($"The deployment answers again, {Seconds(episode.End.Value - episode.Start)} after it became unavailable: the scenarios it touched run again.");
                return episode;
            }
        }

        lock (gate)
            givenUp = episode;
        Announce($"The deployment is still unavailable {Seconds(episode.LastChecked - episode.Start)} after {Time(episode.Start)} (first token: {found.Answer}): "
                 + "the scenarios it touches are not judged (ERROR, not a contract failure), and the run will exit 3 unless a contract failure is found.");
        return episode;
    }

    private void Announce(string line) => announce(line);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private sealed class Episode(DateTimeOffset start, string answer)
    {
        public DateTimeOffset Start { get; } = start;
        public string Answer { get; } = answer;
        public DateTimeOffset LastChecked { get; set; } = start;
        public DateTimeOffset? End { get; set; }
        public int RunAgain { get; set; }
        public int NotJudged { get; set; }

        public DeploymentOutage Snapshot(TimeSpan waitLimit) => new()
        {
            Start = Start,
            End = End,
            LastChecked = LastChecked,
            Answer = Answer,
            WaitLimitSeconds = (int)waitLimit.TotalSeconds,
            ScenariosRunAgain = RunAgain,
            ScenariosNotJudged = NotJudged,
        };
    }
}
