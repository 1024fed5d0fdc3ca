using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// The deployment's resources, for one scenario: every call returns whatever came back, for a step to judge.
/// Every attempt is recorded in the scenario's recorder.
/// </summary>
public sealed class ResourceApi(RatorHttp http, ExchangeRecorder recorder)
{
    private EnvironmentProfile Profile => http.Profile;

    public Task<ApiResponse> RequestAsync(ResourceRequest request, CancellationToken cancellationToken = default) =>
        http.SendAsync(Build(request), recorder, cancellationToken);

    /// <summary>The vendor page's balance call (D10) with a bearer token and the brand header.</summary>
    public Task<ApiResponse> RequestBalanceAsync(string billingGroupId, string? accessToken, string? brand, CancellationToken cancellationToken = default) =>
        RequestAsync(ResourceRequest.Balance(billingGroupId, accessToken, brand), cancellationToken);

    /// <summary>The operator-only resource (OP-02).</summary>
    /// <exception cref="MissingRoleException">the environment names no operator-only resource.</exception>
    public Task<ApiResponse> RequestOperatorOnlyAsync(string customerId, string? accessToken, string? brand, CancellationToken cancellationToken = default) =>
        RequestAsync(ResourceRequest.OperatorOnly(customerId, accessToken, brand), cancellationToken);

    internal OutgoingRequest Build(ResourceRequest request)
    {
        var probe = request.Resource == ResourceKind.Balance
            ? Profile.Resources.Balance
            : Profile.Resources.OperatorOnly ?? throw new MissingRoleException("operator-only resource", "resources.operatorOnly", Profile.Name);
        var headers = new List<KeyValuePair<string, string>> { KeyValuePair.Create("Accept", "application/json") };
        var query = new List<KeyValuePair<string, string>>();

        if (request.RawAuthorization is not null)
        {
            headers.Add(KeyValuePair.Create("Authorization", request.RawAuthorization));
        }
        else if (request.AccessToken is not null)
        {
            if (request.TokenPlacement is TokenPlacement.Header or TokenPlacement.HeaderAndQuery)
            {
                headers.Add(KeyValuePair.Create("Authorization", $"{request.Scheme} {request.AccessToken}"));
            }

            if (request.TokenPlacement is TokenPlacement.Query or TokenPlacement.HeaderAndQuery)
            {
                query.Add(KeyValuePair.Create("access_token", request.AccessToken));
            }
        }

        if (request.Brand is not null)
        {
            headers.Add(KeyValuePair.Create(request.BrandHeaderName, request.Brand));
        }

        if (request.AcceptLanguage is not null)
        {
            headers.Add(KeyValuePair.Create("Accept-Language", request.AcceptLanguage));
        }

        return new OutgoingRequest(request.Describe(), RequestMethod.Get, OutgoingRequest.WithQuery(Profile.ResourceUrl(probe, request.Id), query))
        {
            Headers = headers,
        };
    }
}
