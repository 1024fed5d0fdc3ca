using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// Before the first scenario: is the target there, and does it issue a token to the primary client? If not,
/// the run ends at once with one message (exit 3) instead of a failure per scenario. Bounded to stay well
/// under 15 s even against a target that accepts connections and never answers.
/// </summary>
public static class Preflight
{
    // Leaves room in the 15 s a user waits for the verdict on a target that accepts and never answers.
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(5);

    // A deployment in a rolling restart answers 503 for a moment: a nightly must not end on that. The scenarios'
    // own retries (twice, a Retry-After of up to 2 s honoured here); timeouts are never retried, so the bound holds.
    private static readonly RetryPolicy Retries = RetryPolicy.Default with { MaxRetryAfter = TimeSpan.FromSeconds(2) };

    /// <summary>The request timeout of a first-token request: the environment's, at most 5 s.</summary>
    internal static TimeSpan Bounded(TimeSpan requestTimeout) => requestTimeout < MaxTimeout ? requestTimeout : MaxTimeout;

    public static async Task CheckAsync(EnvironmentProfile profile, SecretRedactor redactor, RetryPolicy? retries = null)
    {
        var bounded = profile with { RequestTimeout = Bounded(profile.RequestTimeout) };
        using var http = new RatorHttp(bounded, redactor, retries ?? Retries);
        var tokens = new TokenEndpoint(http, new ExchangeRecorder(redactor));

        // Any documented grant will do: the preflight proves reachability and client authentication, and a
        // deployment that broke only one grant must fail that grant's scenarios, not the whole run.
        var attempts = FirstTokenRequests(profile).ToList();
        var answers = new List<string>();
        foreach (var (what, request) in attempts)
        {
            var response = await tokens.RequestAsync(request);
            if (response.IssuedToken)
                return;
            if (!response.Answered)
                throw new PreflightException(redactor.Redact(
                    $"The target {profile.TokenEndpointUrl.GetLeftPart(UriPartial.Path)} could not be reached: {response.TransportError}"))
                {
                    Failure = response.TransportFailure,
                };
            answers.Add($"{what}: {response.Describe()}");
            // Unavailable or throttling: another grant would only meet the same answer, and wait for it again.
            if (response.StatusCode is 429 or >= 500)
                break;
        }

        throw new PreflightException(redactor.Redact(
            $"The target {profile.TokenEndpointUrl.GetLeftPart(UriPartial.Path)} answered but issued no token to the primary client " +
            $"({profile.Clients.Primary.Id}): {string.Join("; ", answers)}"));
    }

    /// <summary>The first-token requests, in the order they are tried: what "the deployment is available" means throughout a run.</summary>
    internal static IEnumerable<(string What, TokenRequest Request)> FirstTokenRequests(EnvironmentProfile profile)
    {
        var brand = profile.Brands.Primary;
        if (profile.Principals.Find(brand, PrincipalRole.Customer) is { } customer)
            yield return ("password grant", TokenRequest.Password(customer));
        if (profile.Principals.Find(brand, PrincipalRole.Operator) is { } @operator)
            yield return ("operator grant", TokenRequest.OperatorPassword(@operator));
        if (profile.ClientCredentialsOffered && profile.TokenEndpoint.ClientCredentials.Operator is { } actingFor)
            yield return ("client credentials", TokenRequest.ClientCredentials(actingFor, brand));
    }
}

/// <summary>The run cannot start: the message is complete and readable on its own.</summary>
public sealed class PreflightException(string message) : Exception(message)
{
    /// <summary>Why no answer came, when none did: a failed TLS handshake is examined before the run gives up (TlsFinding).</summary>
    public TransportFailure Failure { get; init; }
}
