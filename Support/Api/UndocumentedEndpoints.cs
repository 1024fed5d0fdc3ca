using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Endpoints a Spring Security OAuth2 deployment exposes by default but Rator does not document
/// (SH-04): a hardened deployment closes them. Each is asked the way it would leak: the authorization
/// endpoint for a code, the introspection endpoint about a live token, the key endpoint for its key.
/// </summary>
public sealed class UndocumentedEndpoints(RatorHttp http, ExchangeRecorder recorder)
{
    public Task<ApiResponse> RequestAsync(string endpoint, IssuedToken liveToken, CancellationToken cancellationToken = default)
    {
        var client = http.Profile.Clients.Primary;
        var query = endpoint switch
        {
            "oauth/authorize" => [KeyValuePair.Create("response_type", "code"), KeyValuePair.Create("client_id", client.Id)],
            "oauth/check_token" => [KeyValuePair.Create("token", liveToken.AccessToken)],
            _ => new List<KeyValuePair<string, string>>(),
        };
        var url = OutgoingRequest.WithQuery(new Uri(http.Profile.RequireBaseUrl(), endpoint.TrimStart('/')), query);
        var request = new OutgoingRequest($"undocumented endpoint {endpoint}", RequestMethod.Get, url)
        {
            Headers =
            [
                KeyValuePair.Create("Accept", "application/json"),
                KeyValuePair.Create("Authorization", "Basic " + FormEncoding.BasicCredentials(client.Id, client.Secret, true)),
            ],
        };
        return http.SendAsync(request, recorder, cancellationToken);
    }
}
