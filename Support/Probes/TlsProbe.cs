using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// SH-05 (RFC 9325): looks at the deployment's TLS the way the run's HTTP client reaches it (the same proxy, the same
/// CA trust, the same client certificate; <see cref="HttpTransport"/>): one handshake as a current client makes it,
/// which shows the certificate, the protocol and the cipher suite, and one hello offering only TLS 1.0 and 1.1
/// (<see cref="TlsHello"/>). Nothing is sent over either connection: no request, no credentials. Every step is bounded
/// by the timeout; a failure is part of what was seen, never an exception.
/// </summary>
public sealed class TlsProbe(HttpTransport transport)
{
    /// <param name="watchAfterHandshake">
    /// How long to wait, after a handshake that succeeded, for the server to close the connection: with TLS 1.3 a
    /// server refuses a client certificate (or the lack of one) only after the client's handshake has ended. Zero
    /// (the scenarios' examination) does not wait; the preflight's diagnosis of a connection that closed does.
    /// </param>
    public async Task<TlsExamination> ExamineAsync(Uri target, TimeSpan timeout, TimeSpan watchAfterHandshake = default)
    {
        var examination = new TlsExamination
        {
            Target = target,
            Route = transport.Route(target),
            ClientCertificatePresented = transport.ClientCertificate is not null,
        };
        examination = await HandshakeAsync(examination, timeout, watchAfterHandshake);
        return examination.ConnectionFailure is not null ? examination : await OfferLegacyAsync(examination, timeout);
    }

    private async Task<TlsExamination> HandshakeAsync(TlsExamination examination, TimeSpan timeout, TimeSpan watchAfterHandshake)
    {
        using var limit = new CancellationTokenSource(timeout);
        Stream connection;
        try
        {
            connection = await transport.ConnectAsync(examination.Target, limit.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return examination with { ConnectionFailure = Reason(e, timeout) };
        }

        PresentedCertificate? presented = null;
        ServerCertificateTrust.Verdict? verdict = null;
        await using var tls = new SslStream(connection, leaveInnerStreamOpen: false);
        // Everything is looked at and judged afterwards, so a bad certificate is a finding with its details, not a
        // handshake that stops before anything could be seen.
        var options = transport.ClientOptions(examination.Host, (_, certificate, chain, errors) =>
        {
            if (certificate is not null)
            {
                var full = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                presented = PresentedCertificate.Of(full);
                verdict = transport.Trust.Judge(full, chain, errors);
            }

            return true;
        });
        try
        {
            await tls.AuthenticateAsClientAsync(options, limit.Token);
            return examination with
            {
                Protocol = tls.SslProtocol,
                CipherSuite = tls.NegotiatedCipherSuite,
                Certificate = presented,
                Trust = verdict,
                ClosedAfterHandshake = watchAfterHandshake > TimeSpan.Zero && await ClosesAsync(tls, watchAfterHandshake),
            };
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            return examination with { HandshakeFailure = Reason(e, timeout), Certificate = presented, Trust = verdict };
        }
    }

    /// <summary>Whether the server ends the connection within the time, with nothing asked of it.</summary>
    private static async Task<bool> ClosesAsync(SslStream tls, TimeSpan watch)
    {
        using var limit = new CancellationTokenSource(watch);
        try
        {
            return await tls.ReadAsync(new byte[1], limit.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or AuthenticationException)
        {
            return true;
        }
    }

    private async Task<TlsExamination> OfferLegacyAsync(TlsExamination examination, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await using var connection = await transport.ConnectAsync(examination.Target, limit.Token);
            return examination with { LegacyOffer = await TlsHello.OfferAsync(connection, examination.Host, TlsHello.Offer.LegacyOnly, timeout) };
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return examination with { LegacyOfferFailure = Reason(e, timeout) };
        }
    }

    private static string Reason(Exception e, TimeSpan timeout)
    {
        if (e is OperationCanceledException)
            return $"nothing within {timeout.TotalSeconds:0.#} s";
        var innermost = e;
        while (innermost.InnerException is not null)
            innermost = innermost.InnerException;
        return innermost == e || innermost.Message.Contains(e.Message, StringComparison.Ordinal)
            ? innermost.Message
            : $"{e.Message} ({innermost.Message})";
    }
}
