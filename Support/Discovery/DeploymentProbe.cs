using System.Net.Http.Headers;
using System.Text;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// Sends discovery's requests: one at a time (never a burst), at most <see cref="MaxRequests"/> in all, no
/// redirects followed, the client authenticated with HTTP Basic as the vendor documents (D5; RFC 6749 §2.3.1),
/// over the transport a run would take (<see cref="DiscoveryTransport"/>: CA trust, client certificate, proxy).
/// </summary>
public sealed class DeploymentProbe : IDisposable
{
    /// <summary>A hard bound on what one discovery sends, whatever the answers.</summary>
    public const int MaxRequests = 24;

    private readonly HttpClient http;
    private readonly DiscoveryCredentials credentials;

    public DeploymentProbe(DiscoveryCredentials credentials, TimeSpan timeout, DiscoveryTransport transport)
    {
        this.credentials = credentials;
        Transport = transport;
        http = new HttpClient(transport.Transport.CreateHandler()) { Timeout = timeout };
    }

    public DiscoveryTransport Transport { get; }

    public int RequestsSent { get; private set; }

    /// <summary>A token request: the form parameters, and the brand (if any) in the given form.</summary>
    public async Task<ProbeAnswer> TokenAsync(Uri tokenEndpoint, IReadOnlyList<KeyValuePair<string, string>> parameters, BrandForm? brandForm, string? brand)
    {
        var form = parameters.ToList();
        var url = tokenEndpoint;
        if (brandForm is not null && brand is not null)
        {
            if (brandForm.Place == "query")
                url = new Uri($"{tokenEndpoint.AbsoluteUri}?{brandForm.Name}={Uri.EscapeDataString(brand)}");
            else
                form.Add(new(brandForm.Name, brand));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        var basic = $"{Uri.EscapeDataString(credentials.ClientId)}:{Uri.EscapeDataString(credentials.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        request.Headers.Accept.ParseAdd("application/json");
        return await SendAsync(request);
    }

    /// <summary>A resource call with a bearer token and, if given, the brand header.</summary>
    public async Task<ProbeAnswer> ResourceAsync(Uri url, string accessToken, string? brand)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        if (brand is not null)
            request.Headers.TryAddWithoutValidation("X-RATOR-brand-key", brand);
        return await SendAsync(request);
    }

    private async Task<ProbeAnswer> SendAsync(HttpRequestMessage request)
    {
        if (RequestsSent >= MaxRequests)
            throw new InvalidOperationException($"discovery is bounded to {MaxRequests} requests");
        RequestsSent++;
        try
        {
            using var response = await http.SendAsync(request);
            return ProbeAnswer.From((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            return ProbeAnswer.Unreachable($"the TLS handshake failed: {Innermost(e).Message}") with { TlsHandshakeFailed = true };
        }
        catch (HttpRequestException e)
        {
            return ProbeAnswer.Unreachable(e.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused or failed" : e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException)
        {
            return ProbeAnswer.Unreachable($"no answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => http.Dispose();

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
