namespace Rator.SuiteRuns;

/// <summary>
/// Runs the planned suite runs a bounded number at a time, in plan order, except that a run a test is
/// already waiting for goes next: a filtered test session (one defect) does not wait for the others.
/// Each run also holds a machine-wide slot (<see cref="RunSlots"/>), so two matrices together stay within the bound.
/// </summary>
public sealed class RunQueue(SuiteProcess suite, int concurrency, RunSlots slots, Action<FinishedRun> finished)
{
    private readonly List<Entry> _pending = [];
    private readonly Dictionary<string, Entry> _byLabel = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task[] _workers = [];

    /// <summary>
    /// A matrix's queue: its report folder emptied, runs under reportFolder/runs, progress
    /// printed as runs finish. What every matrix does before it plans its first run.
    /// </summary>
    public static RunQueue ForMatrix(SuiteCheckout checkout, string reportFolder, int concurrency)
    {
        var reportRoot = checkout.ReportRoot(reportFolder);
        if (Directory.Exists(reportRoot)) Directory.Delete(reportRoot, recursive: true);
        if (!File.Exists(checkout.SuiteAssembly))
            throw new InvalidOperationException($"The suite is not built: no {checkout.SuiteAssembly}.");
        RunQueue? queue = null;
        var progress = new MatrixProgress(() => queue!.Planned);
        queue = new RunQueue(new SuiteProcess(checkout, Path.Combine(reportRoot, "runs")), concurrency,
            new RunSlots(checkout.SlotDirectory, concurrency), progress.Finished);
        return queue;
    }

    public void Plan(SuiteRunRequest request)
    {
        var entry = new Entry(request);
        lock (_gate)
        {
            _pending.Add(entry);
            _byLabel.Add(request.Label, entry);
        }
    }

    public int Planned
    {
        get { lock (_gate) return _byLabel.Count; }
    }

    public void Start() => _workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync)).ToArray();

    /// <summary>The result of a planned run; asking for it moves it to the front if it has not started.</summary>
    public Task<FinishedRun> ResultOf(string label)
    {
        lock (_gate)
        {
            var entry = _byLabel[label];
            entry.Wanted = true;
            return entry.Result.Task;
        }
    }

    /// <summary>Ends the session: runs nobody asked for are dropped, running ones killed.</summary>
    public async Task StopAsync()
    {
        lock (_gate)
        {
            foreach (var entry in _pending) entry.Result.TrySetCanceled();
            _pending.Clear();
        }
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    private async Task WorkAsync()
    {
        while (Next() is { } entry)
        {
            try
            {
                using var slot = await slots.AcquireAsync(_stop.Token);
                var run = await suite.RunAsync(entry.Request, _stop.Token);
                finished(run);
                entry.Result.TrySetResult(run);
            }
            catch (OperationCanceledException)
            {
                entry.Result.TrySetCanceled();
            }
            catch (Exception exception)
            {
                entry.Result.TrySetException(exception);
            }
        }
    }

    private Entry? Next()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested) return null;
            var entry = _pending.FirstOrDefault(e => e.Wanted) ?? _pending.FirstOrDefault();
            if (entry is not null) _pending.Remove(entry);
            return entry;
        }
    }

    private sealed class Entry(SuiteRunRequest request)
    {
        public SuiteRunRequest Request { get; } = request;
        public TaskCompletionSource<FinishedRun> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Wanted { get; set; }
    }
}
