using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Probes;
using Rator.Contract.Tests.Support.Runner;
using Reqnroll;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// The deployment's plain-HTTP address as TE-02 tries it (<see cref="PlainHttpAddress"/>). Before any credentials go
/// there in clear, a TLS hello tells whether the address is in fact a TLS port: a plain request there would only be
/// closed by the TLS layer, which proves nothing about the deployment, so the scenario says so instead of passing.
/// </summary>
public sealed class PlainHttpEndpoint(EnvironmentProfile profile, RatorHttp http, IReqnrollOutputHelper output)
{
    public async Task RequireAsync()
    {
        var (address, origin) = PlainHttpAddress.Of(profile);
        if (address is null)
            throw new ScenarioNotApplicableException(origin);

        var timeout = profile.RequestTimeout < TimeSpan.FromSeconds(5) ? profile.RequestTimeout : TimeSpan.FromSeconds(5);
        var (answer, noConnection) = await PlainHttpPort.SniffAsync(http.Transport, address, timeout);
        output.WriteLine($"Plain-HTTP address {address} ({origin}), reached {http.Transport.Route(address)}: a TLS hello there got "
                         + (answer?.ToString() ?? $"no connection ({noConnection})") + ".");
        if (answer is { SpeaksTls: true })
            throw new ScenarioNotApplicableException(
                $"the plain-HTTP address {address.GetLeftPart(UriPartial.Authority)} ({origin}) answers a TLS hello with {answer}: it is a TLS port, where a plain "
                + "request is only closed by the TLS layer, which proves nothing; declare the deployment's plain-HTTP address in tls.plainHttpBaseUrl");
    }
}
