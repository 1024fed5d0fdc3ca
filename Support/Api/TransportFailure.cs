using System.Net.Sockets;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>Why no complete HTTP answer came back.</summary>
public enum TransportFailure
{
    None,

    /// <summary>Nothing came back within the request timeout.</summary>
    Timeout,

    /// <summary>The target refused the connection: the request was never received (always safe to retry).</summary>
    ConnectionRefused,

    /// <summary>The connection was reset or closed before any answer (a dropped or stale connection).</summary>
    ConnectionReset,

    /// <summary>The connection closed after the response had begun: the target has acted, so this is not retried.</summary>
    ClosedMidResponse,

    /// <summary>The TLS handshake failed (a certificate the run does not accept, no common protocol, a client certificate demanded).</summary>
    TlsHandshake,

    Other,
}

internal static class TransportFailures
{
    public static bool IsTransient(this TransportFailure failure) =>
        failure is TransportFailure.ConnectionRefused or TransportFailure.ConnectionReset;

    /// <summary>Classifies an exception of the HTTP stack and says what happened in one readable sentence.</summary>
    /// <param name="responseStarted">a status line had arrived before the failure.</param>
    public static (TransportFailure Kind, string Message) Describe(Exception? exception, Uri url, TimeSpan timeout, bool responseStarted)
    {
        // The socket's own error is the most precise: an RST also surfaces as "response ended" higher up.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return (TransportFailure.ConnectionRefused, $"connection refused by {url.Authority}: nothing listens there");
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }:
                    return (TransportFailure.ConnectionReset, $"the connection to {url.Authority} was reset");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return (TransportFailure.Other, $"the host {url.Host} could not be resolved");
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return (TransportFailure.Timeout, $"no connection to {url.Authority} could be established in time");
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                case HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return responseStarted
                        ? (TransportFailure.ClosedMidResponse, $"{url.Authority} closed the connection before the response was complete")
                        : (TransportFailure.ConnectionReset, $"{url.Authority} closed the connection without answering");
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                case System.Security.Authentication.AuthenticationException:
                    return (TransportFailure.TlsHandshake, $"the TLS handshake with {url.Authority} failed: {Innermost(e).Message}");
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }:
                case HttpIOException { HttpRequestError: HttpRequestError.InvalidResponse }:
                    return (TransportFailure.Other, $"{url.Authority} sent something that is not an HTTP response");
                case TimeoutException:
                    return (TransportFailure.Timeout, NoAnswer(timeout));
            }
        }

        if (exception is TaskCanceledException or OperationCanceledException)
        {
            return (TransportFailure.Timeout, NoAnswer(timeout));
        }

        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            return (TransportFailure.ConnectionReset, $"the connection to {url.Authority} failed: {Innermost(exception).Message}");
        }

        return (TransportFailure.Other, exception is null ? "no response" : $"{Innermost(exception).GetType().Name}: {Innermost(exception).Message}");
    }

    public static string NoAnswer(TimeSpan timeout) =>
        $"no answer within {timeout.TotalSeconds:0.###} s (the request timeout, requestTimeoutSeconds)";

    public static string BodyIncomplete(TimeSpan timeout) =>
        $"the response began but its body did not complete within {timeout.TotalSeconds:0.###} s (the request timeout)";

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
