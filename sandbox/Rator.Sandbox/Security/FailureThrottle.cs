using System.Collections.Concurrent;

namespace Rator.Sandbox.Security;

/// <summary>
/// Counts failed attempts per key (a client id or a username) in a sliding window. Once a key reaches
/// the limit every attempt for it is refused, even a correct one, until the oldest failure leaves the
/// window. Success resets the key, so a legitimate caller's occasional mistakes never add up.
/// </summary>
internal sealed class FailureThrottle(int maxFailures, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>Null when the key may try; otherwise how long it has to wait.</summary>
    public TimeSpan? RetryAfter(string key)
    {
        if (!failures.TryGetValue(key, out var queue)) return null;
        lock (queue)
        {
            var now = clock.GetUtcNow();
            Prune(queue, now);
            return queue.Count >= maxFailures ? queue.Peek() + window - now : null;
        }
    }

    public void RecordFailure(string key)
    {
        var queue = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            var now = clock.GetUtcNow();
            Prune(queue, now);
            queue.Enqueue(now);
        }
    }

    public void RecordSuccess(string key) => failures.TryRemove(key, out _);

    private void Prune(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() + window <= now) queue.Dequeue();
    }
}
