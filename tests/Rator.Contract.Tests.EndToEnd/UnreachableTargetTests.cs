using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>Issue 3, "Done when": an environment pointing at an unreachable port exits 3 in under 15 s with one message.</summary>
public sealed class UnreachableTargetTests : EndToEndTest
{
    [Test]
    public async Task A_closed_loopback_port_exits_3_in_under_15_seconds_with_one_message()
    {
        var scratch = NewScratch("unreachable");
        var port = ClosedPort();
        // The default 30 s request timeout: the bound must not depend on the user lowering it.
        var environment = EnvironmentFiles.ForTarget($"http://127.0.0.1:{port}/rator", requestTimeoutSeconds: 30);

        var saturated = MachineLoad.IsSaturated();

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "unreachable.json")).WithTargetSecrets().RunAsync();

        run.ShouldExitWith(3).ShouldShowNoStackTrace();
        run.PreflightDuration().Should().BeLessThan(TimeSpan.FromSeconds(2), "a refused connection is known at once; {0}", run);
        // The 15 s are the user's whole wait; on a saturated machine process start-up alone can exceed them.
        run.ShouldFinishWithin(TimeSpan.FromSeconds(saturated && MachineLoad.IsSaturated() ? 60 : 15));
        run.ShouldShowOneMessage($"http://127.0.0.1:{port}/rator/oauth/token", "could not be reached", "connection refused");
        run.ShouldShowOneMessage("Exit code 3.");
        run.ConsoleLines.Should().HaveCountLessThanOrEqualTo(4, "a banner, a progress line, the message and the exit code; {0}", run);
        TestContext.Out.WriteLine($"whole run {run.Elapsed.TotalSeconds:0.0} s, preflight {run.PreflightDuration().TotalSeconds:0.00} s, " +
                                  $"load per core {MachineLoad.PerCore():0.0}{(saturated ? " (saturated: 60 s bound)" : "")}");
    }

    /// <summary>A loopback port nothing listens on: bound once by the system, then released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
