namespace Rator.SuiteRuns;

/// <summary>
/// A bound on suite runs across processes: `dotnet test` on the solution runs the defect matrix and the
/// variant matrix at the same time, each with its own queue, and together they would start twice as many
/// runs as there are cores. A run holds one of N lock files (reports/.run-slots/slot-i.lock, opened with
/// FileShare.None, which .NET enforces between processes with an advisory lock) while it goes; the lock
/// dies with its process, so a killed matrix leaves no slot taken.
/// </summary>
public sealed class RunSlots(string directory, int count)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        while (true)
        {
            for (var slot = 0; slot < count; slot++)
            {
                try
                {
                    return new FileStream(Path.Combine(directory, $"slot-{slot}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    // Held by another run, here or in the other matrix.
                }
            }
            await Task.Delay(Poll, cancellation);
        }
    }
}
