using System.Diagnostics;

namespace Rator.Bench;

/// <summary>One `dotnet …` child process: its output kept in a log file beside the report, its wall time measured.</summary>
public static class DotnetProcess
{
    public sealed record Result(int ExitCode, TimeSpan Wall, string Log);

    /// <param name="environment">Variables to set; a null value removes the variable inherited from this process.</param>
    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment,
        string logPath, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        var log = await output + await errors;
        await File.WriteAllTextAsync(logPath, log);
        return new Result(process.ExitCode, watch.Elapsed, log);
    }
}
