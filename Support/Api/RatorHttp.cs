using System.Diagnostics;
using System.Text.Json;
using RestSharp;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// The run's one HTTP client (one RestClient, as RestSharp advises): the profile's timeout, no redirects followed
/// (a 302 is evidence, TE-02), no cookies carried between scenarios, the environment's CA trust, client certificate
/// and proxy (<see cref="HttpTransport"/>), transient failures retried per
/// <see cref="RetryPolicy"/>. Every attempt goes to the caller's recorder; every token seen in a response is
/// registered with the redactor before the exchange is recorded. Thread-safe; scenarios share it.
/// </summary>
public sealed class RatorHttp : IDisposable
{
    private const string UserAgent = "Rator.Contract.Tests";
    private readonly RestClient client;
    private readonly Func<DateTimeOffset, Task>? outageCheck;

    /// <param name="outageCheck">Called, and awaited, when an answer of the infrastructure stands for a request (after the
    /// retries), with the time it came: the run checks whether the deployment is there at all, and waits out an outage,
    /// before the scenario goes on (Availability/DeploymentAvailability).</param>
    public RatorHttp(EnvironmentProfile profile, SecretRedactor redactor, RetryPolicy? retryPolicy = null,
        Func<DateTimeOffset, Task>? outageCheck = null)
    {
        Profile = profile;
        Redactor = redactor;
        RetryPolicy = retryPolicy ?? RetryPolicy.Default;
        this.outageCheck = outageCheck;
        profile.RequireBaseUrl();
        foreach (var secret in profile.Secrets)
        {
            redactor.RegisterSecret(secret.Value);
        }

        Transport = HttpTransport.For(profile);
        var options = new RestClientOptions
        {
            Timeout = profile.RequestTimeout,
            FollowRedirects = false,
            ThrowOnAnyError = false,
            SetErrorExceptionOnUnsuccessfulStatusCode = false,
            UserAgent = UserAgent,
            ConfigureMessageHandler = handler =>
            {
                if (handler is HttpClientHandler http)
                {
                    http.UseCookies = false;
                    http.AllowAutoRedirect = false;
                    Transport.Configure(http);
                }

                return new ResponseStartObserver(handler);
            },
        };
        client = new RestClient(options);
    }

    public EnvironmentProfile Profile { get; }
    public SecretRedactor Redactor { get; }
    public RetryPolicy RetryPolicy { get; }

    /// <summary>How the requests reach the deployment: the probes use it too, so they go the same way.</summary>
    public HttpTransport Transport { get; }

    public void Dispose() => client.Dispose();

    internal async Task<ApiResponse> SendAsync(OutgoingRequest request, ExchangeRecorder recorder, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (captured, response) = await SendOnceAsync(request, attempt, cancellationToken).ConfigureAwait(false);
            RegisterTokens(response);
            var retry = RetryPolicy.DelayBeforeRetry(attempt, response);
            var infrastructure = InfrastructureAnswers.Describe(response);
            recorder.Record(captured with
            {
                InfrastructureAnswer = infrastructure,
                TimedOut = response.TransportFailure == TransportFailure.Timeout,
                RetryAfter = RetryPolicy.RetryAfter(response),
                Retried = retry is not null,
            });
            if (retry is not { } delay)
            {
                // Checked while the answer is fresh: an outage that ends before the scenario does is still seen.
                if (infrastructure is not null && outageCheck is not null)
                {
                    await outageCheck(captured.StartedAt).ConfigureAwait(false);
                }

                return response;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(CapturedExchange, ApiResponse)> SendOnceAsync(OutgoingRequest outgoing, int attempt, CancellationToken cancellationToken)
    {
        var request = new RestRequest(outgoing.Url, outgoing.Method == RequestMethod.Get ? Method.Get : Method.Post);
        foreach (var (name, value) in outgoing.Headers)
        {
            request.AddHeader(name, value);
        }

        if (outgoing.Body is not null)
        {
            request.AddStringBody(outgoing.Body, outgoing.BodyContentType);
        }

        var sent = new SentHeadersCapture(outgoing.Headers);
        request.Interceptors = [sent];

        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var rest = await client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        cancellationToken.ThrowIfCancellationRequested();

        var status = rest.StatusCode == 0 ? (int?)null : (int)rest.StatusCode;
        var headers = (rest.Headers ?? []).Concat(rest.ContentHeaders ?? [])
            .Select(h => KeyValuePair.Create(h.Name, h.Value?.ToString() ?? ""))
            .ToList();
        var reason = rest.StatusDescription;
        if (status is null && sent.ResponseStart is { } started)
        {
            (status, reason, headers) = (started.StatusCode, started.ReasonPhrase, [.. started.Headers]);
        }

        var (failure, error) = (TransportFailure.None, (string?)null);
        if (rest.ResponseStatus == ResponseStatus.TimedOut)
        {
            (failure, error) = (TransportFailure.Timeout, status is null
                ? TransportFailures.NoAnswer(Profile.RequestTimeout)
                : TransportFailures.BodyIncomplete(Profile.RequestTimeout));
        }
        else if (status is null || rest.ErrorException is not null)
        {
            (failure, error) = TransportFailures.Describe(rest.ErrorException, outgoing.Url, Profile.RequestTimeout, responseStarted: status is not null);
        }

        var body = status is null ? null : rest.Content;
        var captured = new CapturedExchange
        {
            Purpose = outgoing.Purpose,
            Method = outgoing.Method == RequestMethod.Get ? "GET" : "POST",
            Url = outgoing.Url.AbsoluteUri,
            RequestHeaders = sent.Headers,
            RequestBody = outgoing.Body,
            StatusCode = status,
            ReasonPhrase = status is null ? null : reason,
            ResponseHeaders = headers,
            ResponseBody = body,
            StartedAt = startedAt,
            Duration = clock.Elapsed,
            Attempt = attempt,
            TransportError = error,
        };
        var response = new ApiResponse(outgoing.Purpose, status, captured.ReasonPhrase, new ResponseHeaders(headers), body,
            clock.Elapsed, attempt, failure, error, Redactor);
        return (captured, response);
    }

    private void RegisterTokens(ApiResponse response)
    {
        Redactor.RegisterToken(response.JsonString("access_token"));
        Redactor.RegisterToken(response.JsonString("refresh_token"));
    }
}
