using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// A TCP connection to a host, through an HTTP proxy's CONNECT tunnel when the route says so (RFC 9110 §9.3.6), for
/// the probes that speak TLS themselves (SH-05) or look at a port before sending anything (TE-02): they reach the
/// deployment exactly as the run's HTTP client does. A proxy that needs credentials gets them as .NET has them
/// (from HTTPS_PROXY's user information), by Basic.
/// </summary>
public static class ProxyTunnel
{
    private const int MaxResponseHeader = 16 * 1024;

    /// <exception cref="ProxyTunnelException">the proxy refused the tunnel or answered something that is not HTTP.</exception>
    public static async Task<Stream> ConnectAsync(ProxyRoute route, string host, int port, CancellationToken cancellation)
    {
        var target = new UriBuilder(Uri.UriSchemeHttps, host, port).Uri;
        var proxy = route.For(target);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(proxy?.IdnHost ?? host, proxy?.Port ?? port, cancellation);
            var stream = tcp.GetStream();
            if (proxy is null)
                return new OwningStream(stream, tcp);

            var authority = host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
            var request = new StringBuilder($"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
            if (route.Credentials?.GetCredential(proxy, "Basic") is { } credential)
                request.Append("Proxy-Authorization: Basic ")
                    .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.UserName}:{credential.Password}"))).Append("\r\n");
            request.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancellation);

            var status = await ReadStatusAsync(stream, cancellation);
            if (status is not (>= 200 and < 300))
                throw new ProxyTunnelException($"the proxy {proxy.Authority} refused a tunnel to {authority} ({status})");
            return new OwningStream(stream, tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Reads the proxy's answer up to its blank line, byte by byte, so that no byte of the tunnel is taken.</summary>
    private static async Task<int> ReadStatusAsync(NetworkStream stream, CancellationToken cancellation)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (header.Count < MaxResponseHeader)
        {
            if (await stream.ReadAsync(one, cancellation) == 0)
                throw new ProxyTunnelException("the proxy closed the connection instead of answering CONNECT");
            header.Add(one[0]);
            if (header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n')
                break;
        }

        var statusLine = Encoding.ASCII.GetString(header.ToArray()).Split("\r\n")[0];
        var parts = statusLine.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var status)
            ? status
            : throw new ProxyTunnelException($"the proxy answered CONNECT with something that is not HTTP ({statusLine.Trim()})");
    }

    /// <summary>The network stream, closing its socket with it.</summary>
    private sealed class OwningStream(NetworkStream inner, TcpClient owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>The proxy would not open a tunnel: the message says what it answered.</summary>
public sealed class ProxyTunnelException(string message) : IOException(message);
