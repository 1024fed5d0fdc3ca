using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Hooks;

namespace Rator.Contract.Tests.Support.Availability;

/// <summary>What one availability check found: whether the deployment answered as itself, and what it answered.</summary>
public sealed record AvailabilityCheck(bool Available, string Answer, TimeSpan? RetryAfter);

/// <summary>
/// Is the deployment there at all? The preflight's first-token request, sent once (no retries: the caller waits between
/// checks) with the preflight's bounded timeout. Available when a token is issued, or when the deployment answers as
/// itself; not while the answer is an outage's (502, 503, 504, no connection, no answer) or a 429 holding every client off.
/// </summary>
public sealed class AvailabilityProbe : IDisposable
{
    private readonly EnvironmentProfile profile;
    private readonly SecretRedactor redactor;
    private readonly RatorHttp http;

    public AvailabilityProbe(EnvironmentProfile profile, SecretRedactor redactor)
    {
        this.profile = profile;
        this.redactor = redactor;
        http = new RatorHttp(profile with { RequestTimeout = Preflight.Bounded(profile.RequestTimeout) }, redactor, RetryPolicy.None);
    }

    public async Task<AvailabilityCheck> CheckAsync(CancellationToken cancellationToken = default)
    {
        // A run only starts once one of these issued a token (the preflight): there is one to check with.
        var (_, request) = Preflight.FirstTokenRequests(profile).First();
        // A recorder of its own: the check is no exchange of any scenario.
        var response = await new TokenEndpoint(http, new ExchangeRecorder(redactor)).RequestAsync(request, cancellationToken);
        var outage = InfrastructureAnswers.Describe(response);
        var available = response.IssuedToken || (response.Answered && outage is null && response.StatusCode != 429);
        return new AvailabilityCheck(available, outage ?? response.Describe(), RetryPolicy.RetryAfter(response));
    }

    public void Dispose() => http.Dispose();
}
