using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Rator.Contract.Tests.Unit.Tls;

/// <summary>
/// A loopback server for the TLS probe's tests: a real TLS server (SslStream with the given certificate and protocols),
/// or one that answers every connection with fixed bytes (a canned ServerHello, a plain-HTTP page), or a CONNECT proxy
/// that takes one made-up host name to loopback. It counts its connections.
/// </summary>
public sealed class TlsTestServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private int connections;

    private TlsTestServer(Func<NetworkStream, Task> serve)
    {
        listener.Start();
        accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref connections);
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await serve(client.GetStream());
                        }
                        catch (Exception e) when (e is IOException or AuthenticationException or SocketException or ObjectDisposedException)
                        {
                        }
                    }
                });
            }
        });
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public int Connections => connections;

    public static TlsTestServer Tls(X509Certificate2 certificate, SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13) =>
        new(async stream =>
        {
            await using var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols });
            await tls.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false); // until the client leaves
        });

    /// <summary>Reads what the client sends first, answers <paramref name="reply"/>, and closes.</summary>
    public static TlsTestServer Answering(byte[] reply) =>
        new(async stream =>
        {
            await stream.ReadAtLeastAsync(new byte[16 * 1024], 1, throwOnEndOfStream: false);
            await stream.WriteAsync(reply);
        });

    /// <summary>A CONNECT proxy that tunnels to <paramref name="port"/> on loopback for <paramref name="host"/> only, and refuses the rest.</summary>
    public static TlsTestServer Proxy(string host, int port, List<string> seen) =>
        new(async client =>
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await client.ReadAsync(one) == 1)
                head.Append((char)one[0]);
            var target = head.ToString().Split(' ')[1];
            lock (seen)
                seen.Add(target);
            if (target != $"{host}:{port}")
            {
                await client.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                return;
            }

            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, port);
            await client.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray());
            await Task.WhenAny(client.CopyToAsync(upstream.GetStream()), upstream.GetStream().CopyToAsync(client));
        });

    /// <summary>A ServerHello record choosing <paramref name="version"/> and <paramref name="suite"/> (RFC 5246 §7.4.1.3).</summary>
    public static byte[] ServerHello(ushort version, ushort suite)
    {
        var hello = new List<byte> { (byte)(version >> 8), (byte)version };
        hello.AddRange(new byte[32]);
        hello.Add(0);
        hello.AddRange([(byte)(suite >> 8), (byte)suite, 0]);
        var handshake = new List<byte> { 0x02, 0, (byte)(hello.Count >> 8), (byte)hello.Count };
        handshake.AddRange(hello);
        return [0x16, 0x03, 0x01, (byte)(handshake.Count >> 8), (byte)handshake.Count, .. handshake];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
