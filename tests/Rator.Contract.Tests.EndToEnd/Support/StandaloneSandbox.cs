using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// The sandbox started alone, as a user starts it for discovery: `dotnet run --project sandbox/Rator.Sandbox --no-build
/// -- --urls http://127.0.0.1:0 [--variants ...]`, on a free loopback port it reports itself, with no RATOR_ variable
/// of the test host. Stopped (its whole process tree) when disposed.
/// </summary>
public sealed partial class StandaloneSandbox : IAsyncDisposable
{
    private readonly Process process;

    private StandaloneSandbox(Process process, Uri listening)
    {
        this.process = process;
        Listening = listening;
    }

    /// <summary>What it printed: its base URL with the app context, e.g. http://127.0.0.1:41234/rator/.</summary>
    public Uri Listening { get; }

    /// <summary>The bare origin, without the app context: what a user who does not know the context would give.</summary>
    public string Origin => Listening.GetLeftPart(UriPartial.Authority);

    public static async Task<StandaloneSandbox> StartAsync(params string[] variants)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = ["run", "--project", Path.Combine("sandbox", "Rator.Sandbox"), "-c", Repository.Configuration, "--no-build", "--",
            "--urls", "http://127.0.0.1:0", .. variants.Length > 0 ? new[] { "--variants", string.Join(",", variants) } : []];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("RATOR_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        var process = new Process { StartInfo = start };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (log)
                log.AppendLine(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m)
                listening.TrySetResult(new Uri(m.Groups["url"].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (log)
                    log.AppendLine(e.Data);
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the sandbox ended before listening:{Environment.NewLine}{log}"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new StandaloneSandbox(process, url);
        }
        catch
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
