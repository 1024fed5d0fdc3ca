using System.Net.Http.Headers;
using System.Text;

namespace Rator.Sandbox.Tests.Support;

/// <summary>Plain HttpClient calls against one sandbox host, shaped like the vendor's curl examples.</summary>
public sealed class SandboxClient(HttpClient http, Uri baseUrl)
{
    public Uri BaseUrl { get; } = baseUrl;

    public static string Basic(ClientCredentials c) => Basic(c.Id, c.Secret);

    public static string Basic(string id, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret));

    /// <summary>RFC 6749 §2.3.1: id and secret form-url-encoded before Basic.</summary>
    public static string BasicEncoded(ClientCredentials c) =>
        Basic(Uri.EscapeDataString(c.Id), Uri.EscapeDataString(c.Secret));

    public Task<Reply> TokenAsync(
        string? authorization,
        IEnumerable<(string, string)>? form = null,
        IEnumerable<(string, string)>? query = null,
        HttpMethod? method = null,
        Action<HttpRequestMessage>? tweak = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, Url("oauth/token", query));
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (form is not null) request.Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Item1, p.Item2)));
        tweak?.Invoke(request);
        return SendAsync(request);
    }

    /// <summary>The password grant with the brand in the query (the environment default) and the rest in the body.</summary>
    public Task<Reply> PasswordAsync(User user, string? brand = null, ClientCredentials? client = null, params (string, string)[] extra) =>
        TokenAsync(Basic(client ?? Fixtures.Web),
            [("grant_type", "password"), ("username", user.Username), ("password", user.Password), .. extra],
            [("brand_key", brand ?? user.Brand)]);

    public Task<Reply> OperatorAsync(User op, string? brand = null, ClientCredentials? client = null, string grant = Fixtures.OperatorGrant) =>
        TokenAsync(Basic(client ?? Fixtures.Web),
            [("grant_type", grant), ("username", op.Username), ("password", op.Password)],
            [("brand_key", brand ?? op.Brand)]);

    public Task<Reply> ClientCredentialsAsync(string operatorName, string brand = Fixtures.Brand1, ClientCredentials? client = null) =>
        TokenAsync(Basic(client ?? Fixtures.Web),
            [("grant_type", "client_credentials"), ("operator", operatorName)],
            [("brand_key", brand)]);

    public Task<Reply> RefreshAsync(string refreshToken, string brand = Fixtures.Brand1, ClientCredentials? client = null, params (string, string)[] extra) =>
        TokenAsync(Basic(client ?? Fixtures.Web),
            [("grant_type", "refresh_token"), ("refresh_token", refreshToken), .. extra],
            [("brand_key", brand)]);

    public async Task<Reply> TokensForAsync(User user, ClientCredentials? client = null)
    {
        var reply = await PasswordAsync(user, client: client);
        if (reply.Status != 200) throw new InvalidOperationException($"No token for {user.Username}: {reply}");
        return reply;
    }

    public async Task<string> AccessTokenForAsync(User user, ClientCredentials? client = null) =>
        (await TokensForAsync(user, client)).AccessToken!;

    public Task<Reply> GetAsync(string path, string? token, string? brand, Action<HttpRequestMessage>? tweak = null, IEnumerable<(string, string)>? query = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url(path, query));
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (brand is not null) request.Headers.TryAddWithoutValidation("X-RATOR-brand-key", brand);
        tweak?.Invoke(request);
        return SendAsync(request);
    }

    public Task<Reply> BalanceAsync(string? token, string? brand, string billingGroupId, Action<HttpRequestMessage>? tweak = null) =>
        GetAsync($"api/billing-groups/{billingGroupId}/balance", token, brand, tweak);

    public Task<Reply> CustomerAsync(string? token, string? brand, string customerId) =>
        GetAsync($"api/customers/{customerId}", token, brand);

    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
            return await Reply.ReadAsync(response);
    }

    public Uri Url(string path, IEnumerable<(string, string)>? query = null)
    {
        var q = query is null ? "" : string.Join('&', query.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        return new Uri(BaseUrl, q.Length == 0 ? path : path + "?" + q);
    }

    public static void Accept(HttpRequestMessage request, string language) =>
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
}
