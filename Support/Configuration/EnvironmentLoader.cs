using System.Net;
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

    /// <summary>A scenario never waits longer than this for a token to expire; longer waits are SKIPPED with the reason.</summary>
    public const int DefaultMaxExpiryWaitSeconds = 120;

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
            var profile = Map(new SettingsNode(document.RootElement, "$", context), fallbackName, sourcePath, context);

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

    private static EnvironmentProfile? Map(SettingsNode root, string fallbackName, string? sourcePath, SettingsReadContext context)
    {
        // One name per run: EnvironmentName reads the same declaration for the reports of a run that never got this far.
        var name = root.String("name") is { } declared && declared.Trim().Length > 0 ? declared.Trim() : fallbackName;
        var description = root.String("description");
        var allowInsecure = root.Bool("allowInsecureHttp", false);
        var timeout = root.Int("requestTimeoutSeconds") ?? 30;
        var intrusive = root.Bool("intrusiveProbes", false);
        var maxExpiryWait = root.Int("maxExpiryWaitSeconds") ?? DefaultMaxExpiryWaitSeconds;
        var target = MapTarget(root.Object("target"), allowInsecure);
        var tokenEndpoint = MapTokenEndpoint(root.Object("tokenEndpoint"));
        var resources = MapResources(root.Object("resources"));
        var brands = MapBrands(root.Object("brands"), name);
        var clients = MapClients(root.Object("clients"), brands, name);
        var principals = MapPrincipals(root.Object("principals"), brands, name);
        var policy = MapPolicy(root.Object("policy"));
        var baseDirectory = Path.GetDirectoryName(sourcePath) is { Length: > 0 } folder ? folder : Directory.GetCurrentDirectory();
        var tls = TlsSettings.Read(root.Object("tls"), baseDirectory);
        var proxy = ProxySettings.Read(root.Object("proxy"));

        if (target is null || brands is null || clients is null)
        {
            return null;
        }

        return new EnvironmentProfile
        {
            Name = name,
            Description = description,
            SourcePath = sourcePath,
            Target = target,
            AllowInsecureHttp = allowInsecure,
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            IntrusiveProbes = intrusive,
            MaxExpiryWait = TimeSpan.FromSeconds(maxExpiryWait),
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

    private static TargetSettings? MapTarget(SettingsNode? node, bool allowInsecure)
    {
        if (node is null)
        {
            return null;
        }

        var embedded = node.Bool("embeddedSandbox", false);
        var rawUrl = node.String("baseUrl");
        var unavailableWait = TargetSettings.UnavailableWaitIn(node);
        if (embedded && rawUrl is null)
        {
            return new TargetSettings { EmbeddedSandbox = true, UnavailableWait = unavailableWait };
        }

        if (embedded || rawUrl is null || rawUrl.Length == 0 || rawUrl.Contains("${", StringComparison.Ordinal))
        {
            return null; // the schema reported the shape; an unresolved variable is reported as missing
        }

        if (!Uri.TryCreate(rawUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            node.Error("baseUrl", "not an absolute http:// or https:// URL");
            return null;
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            node.Error("baseUrl", "must not carry a query, a fragment or user information");
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url) && !allowInsecure)
        {
            node.Error("baseUrl", $"plain http:// to the non-loopback host {url.Host} would send credentials in clear text; use https:// or set \"allowInsecureHttp\": true");
            return null;
        }

        return new TargetSettings { BaseUrl = EnvironmentProfile.WithTrailingSlash(url), UnavailableWait = unavailableWait };
    }

    private static TokenEndpointSettings MapTokenEndpoint(SettingsNode? node)
    {
        var defaults = new TokenEndpointSettings();
        if (node is null)
        {
            return defaults;
        }

        var path = RelativePath(node, "path") ?? defaults.Path;
        var brandParameter = MapBrandParameter(node.Object("brandParameter")) ?? defaults.BrandParameter;
        var operatorGrant = node.String("operatorGrantType");

        var clientCredentials = MapClientCredentials(node.Object("clientCredentials"));
        var rotation = node.Bool("refreshTokenRotation", defaults.RefreshTokenRotation);
        var revoked = node.Bool("accessTokenRevokedOnRefresh", defaults.AccessTokenRevokedOnRefresh);
        var leeway = node.Int("refreshTokenReuseLeewaySeconds") ?? 0;
        var rejection = node.IntList("brandRejectionStatus");

        return new TokenEndpointSettings
        {
            Path = path,
            BrandParameter = brandParameter,
            OperatorGrantType = operatorGrant ?? defaults.OperatorGrantType,
            ClientCredentials = clientCredentials,
            RefreshTokenRotation = rotation,
            AccessTokenRevokedOnRefresh = revoked,
            RefreshTokenReuseLeeway = TimeSpan.FromSeconds(leeway),
            BrandRejectionStatus = rejection is { Count: > 0 } ? rejection : defaults.BrandRejectionStatus,
        };
    }

    private static BrandParameter? MapBrandParameter(SettingsNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var name = node.String("name") ?? BrandParameter.Default.Name;
        var place = node.String("place") ?? "query";
        return place == "form" ? new BrandParameter(name, ParameterPlace.Form) : new BrandParameter(name, ParameterPlace.Query);
    }

    private static ClientCredentialsSettings MapClientCredentials(SettingsNode? node)
    {
        if (node is null)
        {
            return ClientCredentialsSettings.NotOffered;
        }

        var offered = node.Bool("offered", false);
        var @operator = node.String("operator");

        return new ClientCredentialsSettings(offered, @operator);
    }

    private static ResourceSettings MapResources(SettingsNode? node)
    {
        var defaults = new ResourceSettings();
        if (node is null)
        {
            return defaults;
        }

        var rejection = node.IntList("brandRejectionStatus");
        var balance = MapProbe(node.Object("balance"));
        var operatorOnly = MapProbe(node.Object("operatorOnly"));

        return new ResourceSettings
        {
            BrandRejectionStatus = rejection is { Count: > 0 } ? rejection : defaults.BrandRejectionStatus,
            Balance = balance ?? defaults.Balance,
            OperatorOnly = node.IsNull("operatorOnly") ? null : operatorOnly ?? defaults.OperatorOnly,
        };
    }

    private static ResourceProbe? MapProbe(SettingsNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var path = RelativePath(node, "path");
        return path is null ? null : new ResourceProbe(path);
    }

    private static BrandRoster? MapBrands(SettingsNode? node, string environment)
    {
        if (node is null)
        {
            return null;
        }

        var primary = BrandKey(node, "primary");
        var secondary = BrandKey(node, "secondary");
        if (primary is not null && primary == secondary)
        {
            node.Error("secondary", "must differ from the primary brand");
            return null;
        }

        return primary is null ? null : new BrandRoster(primary, secondary, environment);
    }

    private static string? BrandKey(SettingsNode node, string key) => node.String(key) is { Length: > 0 } brand ? brand : null;

    private static ClientRoster? MapClients(SettingsNode? node, BrandRoster? brands, string environment)
    {
        if (node is null)
        {
            return null;
        }

        var clients = new Dictionary<ClientRole, OAuthClient>();
        foreach (var role in ClientRoles.All)
        {
            var child = node.Object(role.Key());
            if (child is not null && MapClient(child, role, brands) is { } client)
            {
                clients[role] = client;
            }
        }

        return new ClientRoster(clients, environment);
    }

    private static OAuthClient? MapClient(SettingsNode node, ClientRole role, BrandRoster? brands)
    {
        var id = node.String("id");
        var secret = node.String("secret", secret: true);
        var access = node.Int("accessTokenValiditySeconds");
        var refresh = node.Int("refreshTokenValiditySeconds");
        var clientBrands = node.StringList("brands");
        var grants = node.StringList("grants");
        var scopes = node.StringList("scopes") ?? [];

        if (clientBrands is not null && brands is not null)
        {
            foreach (var brand in clientBrands.Where(b => !brands.IsDeclared(b)))
            {
                node.Error("brands", $"'{brand}' is not a declared brand (brands: {brands})");
            }
        }

        if (id is null || secret is null)
        {
            return null;
        }

        return new OAuthClient(id, secret)
        {
            Role = role,
            Brands = clientBrands,
            Grants = grants,
            Scopes = scopes,
            AccessTokenValidity = access is { } a ? TimeSpan.FromSeconds(a) : null,
            RefreshTokenValidity = refresh is { } r ? TimeSpan.FromSeconds(r) : null,
        };
    }

    private static PrincipalDirectory MapPrincipals(SettingsNode? node, BrandRoster? brands, string environment)
    {
        var principals = new List<Principal>();
        if (node is null)
        {
            return new PrincipalDirectory(principals, environment);
        }

        foreach (var (brand, value) in node.Entries())
        {
            if (brands is not null && !brands.IsDeclared(brand))
            {
                node.Error(brand, $"principals of '{brand}', which is not a declared brand (brands: {brands})");
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                continue; // the schema reported it
            }

            var brandNode = node.Child(brand, value);
            foreach (var role in PrincipalRoles.All)
            {
                if (brandNode.Object(role.Key()) is { } child && MapPrincipal(child, brand, role) is { } principal)
                {
                    principals.Add(principal);
                }
            }
        }

        return new PrincipalDirectory(principals, environment);
    }

    private static Principal? MapPrincipal(SettingsNode node, string brand, PrincipalRole role)
    {
        var username = node.String("username");
        var password = node.String("password", secret: true);
        var billingGroup = node.String("billingGroupId");
        var customer = node.String("customerId");

        return username is null || password is null
            ? null
            : new Principal(brand, username, password) { Role = role, BillingGroupId = billingGroup, CustomerId = customer };
    }

    private static PolicySettings MapPolicy(SettingsNode? node)
    {
        if (node is null)
        {
            return new PolicySettings();
        }

        var gating = node.StringList("gating") ?? [];

        var knownIssues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node.Object("knownIssues") is { } issues)
        {
            foreach (var (id, value) in issues.Entries())
            {
                if (issues.ResolveString(id, value) is { Length: > 0 } reason)
                {
                    knownIssues[id] = reason;
                }
            }
        }

        return new PolicySettings { Gating = gating, KnownIssues = knownIssues };
    }

    private static string? RelativePath(SettingsNode node, string key) => node.String(key)?.TrimStart('/');

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
