using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// An environment pointing at an unreachable port exits 3 in under 15 s with one message, and the run ends with that
/// reason instead of a test failure per scenario, which CI reads in JUnit and TRX. One run,
/// shared by the tests of this fixture.
/// </summary>
public sealed class UnreachableTargetTests : SharedRunTest
{
    private ScriptResult run = null!;
    private int port;
    private bool saturated;

    [OneTimeSetUp]
    public async Task RunAgainstAClosedPort()
    {
        var scratch = NewSharedScratch("unreachable");
        port = ClosedPort();
        // The default 30 s request timeout: the bound must not depend on the user lowering it.
        var environment = EnvironmentFiles.ForTarget($"http://127.0.0.1:{port}/rator", requestTimeoutSeconds: 30);
        saturated = MachineLoad.IsSaturated();
        run = await new ScriptRun(scratch.ReportDir).With("-Environment", environment.Write(scratch, "unreachable.json"))
            .WithTargetSecrets().RunAsync();
        saturated &= MachineLoad.IsSaturated();
        TestContext.Out.WriteLine($"whole run {run.Elapsed.TotalSeconds:0.0} s, load per core {MachineLoad.PerCore():0.0}");
    }


    [Test]
    public void A_closed_loopback_port_exits_3_in_under_15_seconds_with_one_message()
    {
        run.ShouldExitWith(3).ShouldShowNoStackTrace();
        run.PreflightDuration().Should().BeLessThan(TimeSpan.FromSeconds(2), "a refused connection is known at once; {0}", run);
        // The 15 s are the user's whole wait; on a saturated machine process start-up alone can exceed them.
        run.ShouldFinishWithin(TimeSpan.FromSeconds(saturated ? 60 : 15));
        run.ShouldShowOneMessage($"http://127.0.0.1:{port}/rator/oauth/token", "could not be reached", "connection refused");
        run.ShouldShowOneMessage("Exit code 3.");
        run.ConsoleLines.Should().HaveCountLessThanOrEqualTo(4, "a banner, a progress line, the message and the exit code; {0}", run);
    }

    /// <summary>
    /// The CI view of the same run: a pipeline that publishes junit.xml as a check should show the one reason, not a
    /// failed test (with a stack trace) for every scenario that never ran.
    /// </summary>
    [Test]
    public void JUnit_and_TRX_show_the_one_reason_not_a_failure_per_scenario()
    {
        var junitFailures = XDocument.Load(run.ReportFile("junit.xml")).Descendants("testcase")
            .Where(t => t.Element("failure") is not null || t.Element("error") is not null).ToList();
        var trxFailures = XDocument.Load(run.ReportFile("results.trx")).Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Where(r => (string?)r.Attribute("outcome") is "Failed" or "Error").ToList();

        junitFailures.Should().HaveCountLessThanOrEqualTo(1, "no scenario ran, so no scenario failed; {0}", run);
        trxFailures.Should().HaveCountLessThanOrEqualTo(1, "no scenario ran, so no scenario failed");
        junitFailures.Concat(trxFailures).Should().OnlyContain(f => f.ToString().Contains("could not be reached"), "the one failure gives the reason");
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
