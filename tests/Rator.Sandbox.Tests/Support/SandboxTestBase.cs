namespace Rator.Sandbox.Tests.Support;

/// <summary>
/// One host per fixture, started once. Every fixture also proves that nothing it sent reached the
/// sandbox's last-resort 500 handler.
/// </summary>
public abstract class SandboxTestBase
{
    protected RunningSandbox Sandbox { get; private set; } = null!;

    protected SandboxClient Api => Sandbox.Client;

    protected virtual SandboxOptions Options() => new();

    [OneTimeSetUp]
    public async Task StartSandbox() => Sandbox = await RunningSandbox.StartAsync(Options());

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        var unexpected = Sandbox.Host.UnexpectedErrorCount;
        await Sandbox.DisposeAsync();
        unexpected.Should().Be(0, "no request of this fixture may reach the 500 handler");
    }
}
