using System.Runtime.InteropServices;

namespace Rator.Sandbox.Hosting;

/// <summary>
/// The standalone sandbox: options from RATOR_SANDBOX_* variables, then the command line over them.
/// Usage errors are one line on stderr and exit code 2, never a stack trace.
/// </summary>
internal static class SandboxCommandLine
{
    public const int Ok = 0;
    public const int UsageError = 2;
    private const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where a standalone sandbox keeps its CA unless told otherwise: one place, so a ca.pem trusted once stays valid.</summary>
    internal static string DefaultTlsDirectory => Path.Combine(Path.GetTempPath(), "rator-sandbox-tls");

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop = default)
    {
        SandboxOptions options;
        bool listDefects, listVariants, help;
        try
        {
            (options, listDefects, listVariants, help) = Parse(args, new SandboxOptions { Urls = DefaultUrls }.WithEnvironmentOverrides());
        }
        catch (SandboxConfigurationException e)
        {
            await stderr.WriteLineAsync($"rator-sandbox: {e.Message}");
            return UsageError;
        }

        if (help)
        {
            await stdout.WriteAsync(Usage);
            return Ok;
        }
        if (listDefects)
        {
            var width = SandboxDefectCatalog.All.Max(d => d.Name.Length);
            foreach (var d in SandboxDefectCatalog.All)
                await stdout.WriteLineAsync($"{d.Name.PadRight(width)}  {d.RequirementId}  {d.Description}");
            return Ok;
        }
        if (listVariants)
        {
            var width = SandboxVariantCatalog.All.Max(v => v.Name.Length);
            foreach (var v in SandboxVariantCatalog.All)
                await stdout.WriteLineAsync($"{v.Name.PadRight(width)}  {v.Clause}  {v.Description}");
            return Ok;
        }

        SandboxHost host;
        try
        {
            host = await SandboxHost.StartAsync(options, stop);
        }
        catch (SandboxConfigurationException e)
        {
            await stderr.WriteLineAsync($"rator-sandbox: {e.Message}");
            return UsageError;
        }

        await using (host)
        {
            var defects = host.ActiveDefects.Count == 0 ? "none (compliant)" : string.Join(", ", host.ActiveDefects.Select(d => d.Name));
            var variants = host.ActiveVariants.Count == 0 ? "none" : string.Join(", ", host.ActiveVariants.Select(v => v.Name));
            await stdout.WriteLineAsync($"Rator sandbox listening on {host.BaseUrl}");
            await stdout.WriteLineAsync($"  token endpoint: {host.TokenEndpoint}");
            if (host.TlsDescription is { } tls)
                await stdout.WriteLineAsync($"  TLS: {tls}");
            if (host.PlainHttpBaseUrl is { } plain)
                await stdout.WriteLineAsync($"  plain HTTP: {plain} ({PlainHttpBehaviour(host)})");
            await stdout.WriteLineAsync($"  database: {host.DatabaseDescription}; defects: {defects}; variants: {variants}");
            await stdout.WriteLineAsync("  Press Ctrl+C to stop.");
            await WaitForSignalAsync(stop);
        }
        return Ok;
    }

    private static string PlainHttpBehaviour(SandboxHost host) =>
        host.ActiveDefects.Any(d => d.Name == Defects.DefectNames.TokenOverPlainHttp) ? "serves everything, the defect token-over-plain-http"
        : host.ActiveVariants.Any(v => v.Name == Variants.VariantNames.PlainHttpClosed) ? "nothing listens there"
        : host.ActiveVariants.Any(v => v.Name == Variants.VariantNames.PlainHttpRedirect) ? "redirects to https with 301"
        : "refuses every request: 403 HTTPS required";

    private static async Task WaitForSignalAsync(CancellationToken stop)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we stop in order ourselves
            stopped.TrySetResult();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        await using var registration = stop.Register(() => stopped.TrySetResult());
        await stopped.Task;
    }

    internal static (SandboxOptions Options, bool ListDefects, bool ListVariants, bool Help) Parse(string[] args, SandboxOptions start)
    {
        var options = start.Clone();
        bool listDefects = false, listVariants = false, help = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new SandboxConfigurationException($"option {arg} needs a value (see --help).");
                return args[++i];
            }

            switch (arg)
            {
                case "--urls": options.Urls = Value(); break;
                case "--defects": options.Defects = options.Defects.Concat(SandboxOptions.SplitList(Value())).Distinct().ToArray(); break;
                case "--variants": options.Variants = options.Variants.Concat(SandboxOptions.SplitList(Value())).Distinct().ToArray(); break;
                case "--latency-ms": options.LatencyMs = SandboxOptions.ParseNonNegative("--latency-ms", Value()); break;
                case "--db": options.DatabasePath = Value(); break;
                case "--seed": options.SeedPath = Value(); break;
                case "--app-context": options.AppContext = Value(); break;
                case "--operator-grant-type": options.OperatorGrantType = Value(); break;
                case "--no-client-credentials": options.ClientCredentialsOffered = false; break;
                case "--no-refresh-rotation": options.RotateRefreshTokens = false; break;
                case "--allow-remote": options.AllowRemote = true; break;
                case "--tls-dir": options.TlsDirectory = Value(); break;
                case "--tls-cert": options.TlsCertificateFile = Value(); break;
                case "--tls-key": options.TlsKeyFile = Value(); break;
                case "--tls-host": options.TlsHostNames = options.TlsHostNames.Concat(SandboxOptions.SplitList(Value())).Distinct().ToArray(); break;
                case "--tls-client-ca": options.ClientCertificateAuthorityFile = Value(); break;
                case "--list-defects": listDefects = true; break;
                case "--list-variants": listVariants = true; break;
                case "--help" or "-h" or "-?": help = true; break;
                default: throw new SandboxConfigurationException($"unknown option '{args[i]}' (see --help).");
            }
        }
        // Fail on unknown names and conflicts now, with the same message the host would give.
        if (!listDefects && !listVariants && !help)
            _ = new Variants.ActiveVariants(options.Variants, new Defects.ActiveDefects(options.Defects));
        if (options.TlsDirectory is null && options.TlsCertificateFile is null && options.Urls.Contains("https://", StringComparison.OrdinalIgnoreCase))
            options.TlsDirectory = DefaultTlsDirectory;
        return (options, listDefects, listVariants, help);
    }

    private const string Usage = """
        Rator sandbox: a stand-in Rator REST API (OAuth2 token endpoint and resources) for the contract suite.

        Usage: dotnet run --project sandbox/Rator.Sandbox -- [options]

          --urls URL[;URL]            where to listen (default http://127.0.0.1:5080; port 0 = any free port); https,
                                      or one http and one https side by side ('https://127.0.0.1:5443;http://127.0.0.1:5080'):
                                      the plain address then refuses every request (403 HTTPS required)
          --tls-dir DIR               the https certificate's CA: DIR/ca.pem (trust it: curl --cacert DIR/ca.pem) and
                                      DIR/ca.key, made once and used again (default: rator-sandbox-tls in the temp folder)
          --tls-cert FILE --tls-key FILE  serve this PEM certificate and key instead of one from the sandbox's CA
          --tls-host NAME[,NAME]      names the certificate is issued for besides localhost, 127.0.0.1 and ::1
          --tls-client-ca FILE        require a client certificate issued by this PEM CA (mutual TLS)
          --app-context PATH          application context (default /rator)
          --db PATH                   keep state in this SQLite file (created and seeded when new)
          --seed PATH                 seed JSON replacing the embedded fixtures (used when the database is new)
          --defects a,b               switch on named defects (see --list-defects)
          --variants a,b|all          switch on named compliant variants, or all of them (see --list-variants)
          --latency-ms N              add N ms to every response
          --operator-grant-type NAME  wire name of the operator grant (default operator_password)
          --no-client-credentials     do not offer the client_credentials grant (Rator REST < 17)
          --no-refresh-rotation       keep the refresh token on refresh (Spring's default) instead of rotating it
          --allow-remote              allow non-loopback addresses in --urls
          --list-defects              print every defect: name, requirement id, description
          --list-variants             print every variant: name, the clause that allows it, description
          --help                      this text

        Environment (the command line wins): RATOR_SANDBOX_DEFECTS, RATOR_SANDBOX_VARIANTS, RATOR_SANDBOX_LATENCY_MS,
        RATOR_SANDBOX_DB, RATOR_SANDBOX_SEED, RATOR_SANDBOX_APP_CONTEXT, RATOR_SANDBOX_OPERATOR_GRANT_TYPE,
        RATOR_SANDBOX_CLIENT_CREDENTIALS, RATOR_SANDBOX_ROTATE_REFRESH_TOKENS, RATOR_SANDBOX_ALLOW_REMOTE.

        """;
}
