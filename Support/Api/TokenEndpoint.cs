using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// The deployment's token endpoint, for one scenario. <c>Request...</c> methods return whatever came back for a
/// step to judge ("try"); <c>Get...</c> methods are for setup and throw <see cref="SetupFailedException"/> with a
/// readable reason when no token comes back ("do"). Every attempt is recorded in the scenario's recorder.
/// </summary>
public sealed class TokenEndpoint(RatorHttp http, ExchangeRecorder recorder)
{
    /// <summary>The environment the requests are built for.</summary>
    public EnvironmentProfile Profile => http.Profile;

    public Task<ApiResponse> RequestAsync(TokenRequest request, CancellationToken cancellationToken = default) =>
        http.SendAsync(Build(request), recorder, cancellationToken);

    /// <summary>Sends the request and insists on a token.</summary>
    /// <exception cref="SetupFailedException">no access token came back; the message has the status and a redacted body excerpt.</exception>
    public async Task<IssuedToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken = default)
    {
        var response = await RequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (TokenFrom(request, response) is not { } token)
        {
            var answer = response.StatusCode is null
                ? $"no response: {response.TransportError}"
                : $"{response.StatusCode} {response.ReasonPhrase}".TrimEnd() + $" with {(response.Error is not null ? $"error {response.Error}" : response.BodyDescription)}: {response.Excerpt(200)}";
            throw new SetupFailedException(
                http.Redactor.Redact($"Setup could not get a token for {response.Purpose} from {Profile.TokenEndpointUrl.GetLeftPart(UriPartial.Path)}: {answer}"),
                response);
        }

        return token;
    }

    /// <summary>The token an answer issued to this request, or null when it issued none.</summary>
    public IssuedToken? TokenFrom(TokenRequest request, ApiResponse response) =>
        response.IsSuccess && response.IssuedToken ? new IssuedToken(request, request.Client ?? Profile.Clients.Primary, response, http.Redactor) : null;

    /// <summary>One parameter edit on the grant's parameters: a parameter the grant does not send yet is added for it.</summary>
    private static void Apply(ParameterEdit edit, List<KeyValuePair<string, string>> parameters)
    {
        var name = edit.Parameter.WireName();
        var at = parameters.FindIndex(p => p.Key == name);
        var value = at >= 0 ? parameters[at].Value : "";
        switch (edit.Kind)
        {
            case ParameterEditKind.Omitted:
                parameters.RemoveAll(p => p.Key == name);
                break;
            case ParameterEditKind.Empty when at >= 0:
                parameters[at] = KeyValuePair.Create(name, "");
                break;
            case ParameterEditKind.Empty:
                parameters.Add(KeyValuePair.Create(name, ""));
                break;
            default:
                parameters.Insert(Math.Max(at, 0), KeyValuePair.Create(name, edit.FirstValue ?? value));
                break;
        }
    }

    /// <summary>The HTTP form of a token request under this environment (exposed for the suite's own tests).</summary>
    internal OutgoingRequest Build(TokenRequest request)
    {
        var client = request.Client ?? Profile.Clients.Primary;
        var configured = Profile.TokenEndpoint.BrandParameter;
        var query = new List<KeyValuePair<string, string>>();
        var form = new List<KeyValuePair<string, string>>();
        var bodyPlace = request.Method == RequestMethod.Get ? query : form;
        var grantPlace = request.GrantParametersIn == ParameterPlace.Query ? query : bodyPlace;

        void Add(List<KeyValuePair<string, string>> place, string name, string? value)
        {
            if (value is not null)
            {
                place.Add(KeyValuePair.Create(name, value));
            }
        }

        Add(grantPlace, "grant_type", request.GrantTypeValue(Profile));
        Add(grantPlace, "username", request.User?.Username);
        Add(grantPlace, "password", request.User?.Password);
        Add(grantPlace, "operator", request.Operator);
        Add(grantPlace, "refresh_token", request.RefreshToken);
        foreach (var brand in request.Brand.Placements)
        {
            var place = (brand.Place ?? configured.Place) == ParameterPlace.Query ? query : bodyPlace;
            Add(place, brand.Name ?? configured.Name, brand.Value);
        }

        Add(grantPlace, "scope", request.Scope);
        grantPlace.AddRange(request.ExtraParameters);
        foreach (var edit in request.ParameterEdits)
        {
            Apply(edit, grantPlace);
        }

        var headers = new List<KeyValuePair<string, string>> { KeyValuePair.Create("Accept", "application/json") };
        if (request.AcceptLanguage is not null)
        {
            headers.Add(KeyValuePair.Create("Accept-Language", request.AcceptLanguage));
        }

        switch (request.ClientAuthentication)
        {
            case ClientAuthentication.Basic or ClientAuthentication.BasicUnencoded or ClientAuthentication.BasicAndFormBody:
                var encoded = request.ClientAuthentication != ClientAuthentication.BasicUnencoded;
                headers.Add(KeyValuePair.Create("Authorization", "Basic " + FormEncoding.BasicCredentials(client.Id, client.Secret, encoded)));
                if (request.ClientAuthentication == ClientAuthentication.BasicAndFormBody)
                {
                    Add(bodyPlace, "client_id", client.Id);
                    Add(bodyPlace, "client_secret", client.Secret);
                }

                break;
            case ClientAuthentication.FormBody:
                Add(bodyPlace, "client_id", client.Id);
                Add(bodyPlace, "client_secret", client.Secret);
                break;
            case ClientAuthentication.Query:
                Add(query, "client_id", client.Id);
                Add(query, "client_secret", client.Secret);
                break;
        }

        var url = request.OverPlainHttp ? PlainHttpAddress.TokenEndpoint(Profile) : Profile.TokenEndpointUrl;

        url = OutgoingRequest.WithQuery(url, query);
        if (request.RawQuerySuffix is { } suffix)
        {
            url = new Uri(url.AbsoluteUri + (url.Query.Length > 0 ? "&" : "?") + suffix);
        }

        return new OutgoingRequest(request.Describe(Profile), request.Method, url)
        {
            Headers = headers,
            Body = request.RawBody is { } raw ? raw.Transform(FormEncoding.Body(form)) : form.Count > 0 ? FormEncoding.Body(form) : null,
            BodyContentType = request.RawBody?.ContentType ?? OutgoingRequest.FormContentType,
        };
    }
}
