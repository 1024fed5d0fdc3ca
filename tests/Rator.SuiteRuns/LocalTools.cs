using System.Diagnostics;

namespace Rator.SuiteRuns;

/// <summary>
/// run-tests.ps1 runs on PowerShell installed as a local dotnet tool. Restoring it once, before the runs
/// start, means `dotnet test` alone works on a fresh clone and no two runs restore at the same time.
/// </summary>
public static class LocalTools
{
    public static void Restore(SuiteCheckout checkout)
    {
        var start = new ProcessStartInfo("dotnet", ["tool", "restore"])
        {
            WorkingDirectory = checkout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet tool restore did not finish within 3 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet tool restore failed (exit {process.ExitCode}):\n{output.Result}\n{error.Result}");
    }
}
