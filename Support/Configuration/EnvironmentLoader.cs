using System.Text.Json;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// Finds, reads and validates an environment file, before anything is sent: environments/&lt;name&gt;.json beside the
/// test assembly, or a path. With no selection, the variable RATOR_ENVIRONMENT decides, else "local".
/// Every secret value loaded is registered with the run's redactor, even when validation then fails.
/// </summary>
public sealed class EnvironmentLoader
{
    public const string SelectionVariable = "RATOR_ENVIRONMENT";
    public const string DefaultEnvironment = "local";

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly SecretRedactor redactor;
    private readonly Func<string, string?> variables;

    /// <param name="redactor">the run's redactor: every secret loaded is registered with it.</param>
    /// <param name="environmentsDirectory">where named environments live; default environments/ beside the test assembly.</param>
    /// <param name="variables">the variable lookup; default the process environment (tests pass their own).</param>
    public EnvironmentLoader(SecretRedactor redactor, string? environmentsDirectory = null, Func<string, string?>? variables = null)
    {
        this.redactor = redactor;
        this.variables = variables ?? System.Environment.GetEnvironmentVariable;
        EnvironmentsDirectory = environmentsDirectory ?? Path.Combine(AppContext.BaseDirectory, "environments");
    }

    public string EnvironmentsDirectory { get; }

    /// <summary>The selection plain <c>dotnet test</c> gets: RATOR_ENVIRONMENT, else "local".</summary>
    public string DefaultSelection =>
        variables(SelectionVariable) is { Length: > 0 } chosen ? chosen.Trim() : DefaultEnvironment;

    /// <summary>The environment names available beside the suite (file names without .json; the schema is none).</summary>
    public IReadOnlyList<string> AvailableNames => Directory.Exists(EnvironmentsDirectory)
        ? Directory.EnumerateFiles(EnvironmentsDirectory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToList()
        : [];

    /// <summary>Loads an environment by name (environments/name.json) or path (anything ending in .json or holding a separator).</summary>
    /// <exception cref="EnvironmentConfigurationException">unknown, unreadable or invalid; the message lists every problem.</exception>
    public EnvironmentProfile Load(string? nameOrPath = null)
    {
        var selection = string.IsNullOrWhiteSpace(nameOrPath) ? DefaultSelection : nameOrPath.Trim();
        var path = Locate(selection);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentConfigurationException($"'{selection}'", [$"cannot read {path}: {e.Message}"]);
        }

        return Parse(text, Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>Validates and maps environment JSON; <paramref name="fallbackName"/> is used when the file has no "name".</summary>
    public EnvironmentProfile Parse(string json, string fallbackName, string? sourcePath = null)
    {
        var name = EnvironmentName.FromText(json, fallbackName, variables);
        var display = sourcePath is null ? $"'{name}'" : $"'{name}' ({sourcePath})";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new EnvironmentConfigurationException(display, [$"not valid JSON{where}: {FirstSentence(e.Message)}"]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EnvironmentConfigurationException(display, ["the file must hold one JSON object"]);
            }

            // The schema judges the shape (types, allowed values, required parts, unknown keys); the mapping below
            // resolves variables and judges what a schema cannot see: resolved URLs, cross-references between parts.
            var shapeProblems = EnvironmentSchema.Default.Problems(document.RootElement);
            var context = new SettingsReadContext(variables);
            var profile = Map(new SettingsNode(document.RootElement, "$", context), fallbackName, sourcePath);

            var secrets = context.Secrets.Concat(context.SecretParts).DistinctBy(s => s.Value, StringComparer.Ordinal).ToList();
            foreach (var secret in secrets)
            {
                redactor.RegisterSecret(secret.Value);
            }

            var problems = shapeProblems.Concat(context.Errors).Distinct(StringComparer.Ordinal).ToList();
            problems.AddRange(context.MissingVariables.Select(v =>
                $"variable {v.Key} is not set or empty (referenced at {string.Join(", ", v.Value)})"));
            if (problems.Count > 0 || profile is null)
            {
                if (context.MissingVariables.Count > 0)
                {
                    problems.Add("set the missing variables in the shell or the CI secret store (environments/README.md); their values are never printed");
                }

                throw new EnvironmentConfigurationException(display, problems, context.MissingVariables.Keys.ToList());
            }

            return profile with { Secrets = secrets, SecretVariables = context.SecretParts.ToList() };
        }
    }

    private string Locate(string selection)
    {
        var looksLikePath = selection.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || selection.Contains('/') || selection.Contains('\\');
        if (looksLikePath)
        {
            var full = Path.GetFullPath(selection);
            return File.Exists(full)
                ? full
                : throw new EnvironmentConfigurationException($"'{selection}'", [$"no environment file at {full}"]);
        }

        var named = Path.Combine(EnvironmentsDirectory, selection + ".json");
        if (File.Exists(named))
        {
            return named;
        }

        var known = AvailableNames;
        throw new EnvironmentConfigurationException($"'{selection}'",
        [
            $"unknown environment: there is no {Path.Combine("environments", selection + ".json")} beside the suite"
                + (known.Count > 0 ? $" (known: {string.Join(", ", known)})" : "")
                + "; pass a name or a path to a .json file",
        ]);
    }

    /// <summary>Composes the profile from the sections, each read by its own settings record; null when a required part is unusable.</summary>
    private static EnvironmentProfile? Map(SettingsNode root, string fallbackName, string? sourcePath)
    {
        // One name per run: EnvironmentName reads the same declaration for the reports of a run that never got this far.
        var name = root.String("name") is { } declared && declared.Trim().Length > 0 ? declared.Trim() : fallbackName;
        var allowInsecure = root.Bool("allowInsecureHttp", EnvironmentProfile.DefaultAllowInsecureHttp);
        var baseDirectory = Path.GetDirectoryName(sourcePath) is { Length: > 0 } folder ? folder : Directory.GetCurrentDirectory();

        // Every section is read, so that one load reports every problem of the file.
        var target = TargetSettings.Read(root.Object("target"), allowInsecure);
        var tokenEndpoint = TokenEndpointSettings.Read(root.Object("tokenEndpoint"));
        var resources = ResourceSettings.Read(root.Object("resources"));
        var brands = BrandRoster.Read(root.Object("brands"), name);
        var clients = ClientRoster.Read(root.Object("clients"), brands, name);
        var principals = PrincipalDirectory.Read(root.Object("principals"), brands, name);
        var policy = PolicySettings.Read(root.Object("policy"));
        var tls = TlsSettings.Read(root.Object("tls"), baseDirectory);
        var proxy = ProxySettings.Read(root.Object("proxy"));

        if (target is null || brands is null || clients is null)
            return null;

        return new EnvironmentProfile
        {
            Name = name,
            Description = root.String("description"),
            SourcePath = sourcePath,
            Target = target,
            AllowInsecureHttp = allowInsecure,
            RequestTimeout = root.Int("requestTimeoutSeconds") is { } timeout ? TimeSpan.FromSeconds(timeout) : EnvironmentProfile.DefaultRequestTimeout,
            IntrusiveProbes = root.Bool("intrusiveProbes", EnvironmentProfile.DefaultIntrusiveProbes),
            MaxExpiryWait = root.Int("maxExpiryWaitSeconds") is { } wait ? TimeSpan.FromSeconds(wait) : EnvironmentProfile.DefaultMaxExpiryWait,
            TokenEndpoint = tokenEndpoint,
            Resources = resources,
            Brands = brands,
            Clients = clients,
            Principals = principals,
            Policy = policy,
            Tls = tls,
            Proxy = proxy,
        };
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
