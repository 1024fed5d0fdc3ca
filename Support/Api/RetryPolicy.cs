using System.Globalization;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Retries for transient failures only — refused or reset connections, 502/503/504, 429 with a short Retry-After —
/// at most <see cref="MaxRetries"/> times, every attempt recorded. A Retry-After longer than the cap is not waited
/// for: the answer stands and the scenario judges it. Timeouts are not retried: they would multiply the wait.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();
    public static RetryPolicy None { get; } = new() { MaxRetries = 0 };

    public int MaxRetries { get; init; } = 2;

    /// <summary>The longest Retry-After honoured.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the first retry when the target gives no Retry-After; doubled for the next.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The wait before another attempt, or null when the response stands.</summary>
    public TimeSpan? DelayBeforeRetry(int attemptsSoFar, ApiResponse response)
    {
        if (attemptsSoFar > MaxRetries)
        {
            return null;
        }

        var backoff = Backoff * Math.Pow(2, attemptsSoFar - 1);
        if (response.StatusCode is null)
        {
            return response.TransportFailure.IsTransient() ? backoff : null;
        }

        if (response.TransportError is not null)
        {
            return null;
        }

        var retryAfter = RetryAfter(response);
        return response.StatusCode switch
        {
            502 or 503 or 504 when retryAfter is null => backoff,
            502 or 503 or 504 or 429 when retryAfter <= MaxRetryAfter => retryAfter,
            _ => null,
        };
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(ApiResponse response)
    {
        var value = response.Headers["Retry-After"]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? TimeSpan.FromTicks(Math.Max(0, (date - DateTimeOffset.UtcNow).Ticks))
            : null;
    }
}
