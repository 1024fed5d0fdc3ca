using Microsoft.Extensions.Hosting;

namespace Rator.Sandbox.Hosting;

/// <summary>
/// Replaces the console lifetime: an in-process sandbox must not capture the test runner's Ctrl+C or
/// SIGTERM. The command line handles signals itself.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
