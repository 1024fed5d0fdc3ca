using System.Net.Sockets;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>Whether a plain-HTTP address is really a TLS port: a TLS hello, no request, no credentials.</summary>
public static class PlainHttpPort
{
    /// <summary>
    /// How the port answered a TLS hello; or, when no connection could be made (nothing listens, a proxy that will not
    /// tunnel there), why: then there is no TLS either, and the sign-in is sent to learn what plain HTTP does.
    /// </summary>
    public static async Task<(TlsHello.Answer? Answer, string? NoConnection)> SniffAsync(HttpTransport transport, Uri address, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await using var connection = await transport.ConnectAsync(address, limit.Token);
            return (await TlsHello.OfferAsync(connection, address.IdnHost, TlsHello.Offer.Current, timeout), null);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return (null, e is OperationCanceledException ? $"no connection within {timeout.TotalSeconds:0.#} s" : e.Message);
        }
    }
}
