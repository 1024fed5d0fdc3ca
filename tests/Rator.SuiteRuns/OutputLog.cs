namespace Rator.SuiteRuns;

/// <summary>
/// A run's console output: all of it in a file next to the run's reports, the last lines in memory for
/// the message of a run that ended without a summary (a build or start-up problem shows there).
/// </summary>
public sealed class OutputLog(string path)
{
    private const int TailLines = 15;
    private readonly StreamWriter _file = new(path) { AutoFlush = true };
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private bool _closed;

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            // A killed run's last lines may arrive after the log was closed; they are of no use then.
            if (_closed) return;
            _file.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines) _tail.Dequeue();
        }
    }

    public string Tail
    {
        get { lock (_gate) return string.Join(Environment.NewLine, _tail); }
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _file.Dispose();
        }
    }
}
