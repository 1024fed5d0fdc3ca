using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// A company proxy in miniature, on 127.0.0.1: HTTP CONNECT tunnels (RFC 9110 §9.3.6) and absolute-form requests for
/// plain HTTP. It alone knows the made-up host names it is given (a ".test" name, RFC 6761 §6.2, that no resolver
/// answers) and takes them to loopback, so a target under such a name is reachable only through it, as a staging host
/// behind a company proxy is. Every other host is refused and never connected to: nothing leaves the machine. It counts
/// what it saw per host:port, outside hosts included, so a test can tell that every request went through it and that
/// nothing tried to reach anything else (Reqnroll's telemetry, say).
/// </summary>
public sealed class ConnectProxy : LoopbackServer
{
    private readonly IReadOnlySet<string> names;
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.OrdinalIgnoreCase);

    public ConnectProxy(params string[] names)
    {
        this.names = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Start();
    }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>Connections (tunnels and forwarded plain requests) per "host:port" asked for, refused ones included.</summary>
    public IReadOnlyDictionary<string, int> Seen => seen;

    protected override async Task ServeAsync(TcpClient client, NetworkStream stream)
    {
        try
        {
            var head = await ReadHeadAsync(stream);
            if (head is null)
                return;
            var requestLine = head.Split("\r\n")[0].Split(' ');
            if (requestLine.Length < 3)
                return;

            var connect = requestLine[0] == "CONNECT";
            var authority = connect ? requestLine[1] : new Uri(requestLine[1]).Authority;
            seen.AddOrUpdate(authority, 1, (_, n) => n + 1);
            var host = authority[..authority.LastIndexOf(':')].Trim('[', ']');
            var port = int.Parse(authority[(authority.LastIndexOf(':') + 1)..]);
            if (!names.Contains(host))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {(connect ? 403 : 502)} Not Through This Proxy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                return;
            }

            using var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                return;
            }

            var target = upstream.GetStream();
            if (connect)
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection Established\r\n\r\n"));
            else
                await target.WriteAsync(Encoding.Latin1.GetBytes(head)); // servers take the absolute form (RFC 9112 §3.2.2)
            await Task.WhenAny(stream.CopyToAsync(target, Stopping.Token), target.CopyToAsync(stream, Stopping.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or UriFormatException or FormatException)
        {
            // A client that went away: nothing to answer.
        }
    }

    /// <summary>The request head up to its blank line, byte by byte so that nothing after it is taken.</summary>
    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, Stopping.Token) == 0)
                return null;
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
                return Encoding.Latin1.GetString(head.ToArray());
        }

        return null;
    }
}
