using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// A TCP server on a free 127.0.0.1 port for the tests' fake targets and proxy: every connection is counted and served
/// by the function given, until the server is disposed, which stops accepting and waits (bounded) for what is serving.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentBag<Task> connections = [];
    private readonly Func<TcpClient, Task> serve;
    private readonly Task accepting;
    private int connectionCount;

    public LoopbackServer(Func<TcpClient, Task> serve)
    {
        this.serve = serve;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref connectionCount);

    /// <summary>Cancelled when the server stops: what serves a connection ends with it.</summary>
    public CancellationToken Stopping => stopping.Token;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await Task.WhenAll([accepting, .. connections]).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException or TimeoutException)
        {
            // Stopping: the connections' own failures are expected now.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref connectionCount);
            connections.Add(Task.Run(() => serve(client)));
        }
    }
}
