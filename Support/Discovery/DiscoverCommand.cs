using System.Text.Json;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// `discover --file NEW.json --base-url URL` (run-tests.ps1 -Discover NEW.json -BaseUrl URL): drafts an environment
/// file from a live deployment. Exit 0 written, 2 bad arguments, missing variables or a file already there (nothing
/// sent; plain http:// only to loopback, as for a run), 3 unreachable or no first token (nothing written).
/// </summary>
public sealed class DiscoverCommand(TextWriter output, TextWriter errors, Func<string, string?> variables)
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public async Task<int> RunAsync(string? file, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(file) || string.IsNullOrWhiteSpace(baseUrl))
            throw new DiscoveryUsageException("discover needs --file NEW.json and --base-url URL (run-tests.ps1 -Discover NEW.json -BaseUrl https://host/context).");
        var path = Path.GetFullPath(file);
        if (File.Exists(path) || Directory.Exists(path))
            throw new DiscoveryUsageException($"{path} already exists: discovery never overwrites a file. Choose a new name or move the old file away.");
        if (!Directory.Exists(Path.GetDirectoryName(path)))
            throw new DiscoveryUsageException($"The folder of {path} does not exist.");
        if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
            throw new DiscoveryUsageException($"-BaseUrl '{baseUrl}' is not an absolute http:// or https:// URL without query, fragment or user information.");

        if (url.Scheme == Uri.UriSchemeHttp && !ProxyRoute.IsLoopback(url))
            throw new DiscoveryUsageException($"-BaseUrl {url.GetLeftPart(UriPartial.Authority)} is plain http:// to a host that is not loopback: the credentials would travel in clear text. Use https://.");

        var credentials = DiscoveryCredentials.FromVariables(variables);
        var transport = DiscoveryTransport.FromVariables(variables);
        var redactor = new SecretRedactor();
        foreach (var secret in credentials.Secrets.Concat(transport.Secrets))
            redactor.RegisterSecret(secret);

        DiscoveryResult result;
        using (var probe = new DeploymentProbe(credentials, RequestTimeout, transport))
        {
            try
            {
                result = await new DeploymentDiscovery(credentials, probe).RunAsync(EnvironmentProfile.WithTrailingSlash(url));
            }
            catch (DiscoveryUnreachableException e)
            {
                await errors.WriteLineAsync(redactor.Redact($"Discovery stopped after {probe.RequestsSent} requests; nothing was written. {e.Message}"));
                return ExitCodes.Unreachable;
            }
        }

        var name = Path.GetFileNameWithoutExtension(path);
        var draft = DraftEnvironment.Build(result, credentials, name, SchemaReference(path), transport);
        var text = DraftEnvironment.Text(draft);
        using (var written = JsonDocument.Parse(text))
        {
            // The draft is the schema's to judge like any file: a problem here is discovery's own mistake, said plainly.
            if (EnvironmentSchema.Default.Problems(written.RootElement) is { Count: > 0 } problems)
            {
                await errors.WriteLineAsync($"Discovery drafted a file its own schema refuses; nothing was written:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", problems)}");
                return ExitCodes.ConfigurationError;
            }
        }

        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(text);

        await output.WriteLineAsync(redactor.Redact(Report(result, path)));
        return ExitCodes.Passed;
    }

    private static string Report(DiscoveryResult result, string path)
    {
        var lines = new List<string> { $"Discovered {result.BaseUrl.AbsoluteUri.TrimEnd('/')} with {result.RequestsSent} requests:" };
        lines.AddRange(result.Findings.Where(f => f.Settled).Select(f => $"  {f.Key} = {f.Value!.ToJsonString()}"));
        var open = result.Findings.Where(f => !f.Settled).ToList();
        if (open.Count > 0)
        {
            lines.Add("Not settled (listed under _todo in the file, with what came back):");
            lines.AddRange(open.Select(f => $"  {f.Key}: {f.Note}"));
        }

        lines.Add($"Wrote {path}: every choice carries its _found note; roles discovery cannot know are listed as _todo.");
        lines.Add("Next, with the same RATOR_DISCOVER_* variables set:");
        lines.Add($"  dotnet pwsh ./run-tests.ps1 -Environment {Quote(path)}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"'{path}'" : path;

    /// <summary>The repository's schema relative to the new file, so editors find it; "./environment.schema.json" when not found.</summary>
    private static string SchemaReference(string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var schema = Path.Combine(dir.FullName, "environments", EnvironmentSchema.ResourceName);
            if (File.Exists(schema))
            {
                var relative = Path.GetRelativePath(Path.GetDirectoryName(path)!, schema).Replace('\\', '/');
                return relative.StartsWith('.') ? relative : "./" + relative;
            }
        }

        return "./" + EnvironmentSchema.ResourceName;
    }
}
