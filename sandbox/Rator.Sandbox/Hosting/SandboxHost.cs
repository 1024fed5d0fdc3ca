using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Endpoints;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Seed;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Tls;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox;

/// <summary>
/// A running sandbox: Kestrel on loopback, its own database, its own defects and variants. Several hosts
/// can run in one process at once (each has a private in-memory database and throttle).
/// </summary>
public sealed partial class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SandboxServices sandbox;
    private readonly Socket? closedPlainPort;
    private int disposed;

    private SandboxHost(WebApplication app, SandboxServices sandbox, Uri baseUrl, Uri? plainHttpBaseUrl, Socket? closedPlainPort, SandboxDeclaration declaration)
    {
        this.app = app;
        this.sandbox = sandbox;
        this.closedPlainPort = closedPlainPort;
        BaseUrl = baseUrl;
        PlainHttpBaseUrl = plainHttpBaseUrl;
        Declaration = declaration;
    }

    /// <summary>
    /// The app context's root with a trailing slash, e.g. http://127.0.0.1:41234/rator/: the https address when the
    /// host serves one, else the plain one.
    /// </summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// Beside an https address, the plain-HTTP address of the same host with the app context (where a compliant
    /// deployment refuses credentials, TE-02); null when the host serves plain HTTP only.
    /// </summary>
    public Uri? PlainHttpBaseUrl { get; }

    /// <summary>The CA certificate a client must trust for the https address (no key); null without https or with certificate files of your own.</summary>
    public X509Certificate2? CertificateAuthority => sandbox.Tls?.TrustedAuthority;

    /// <summary>The PEM file of <see cref="CertificateAuthority"/> (curl's --cacert, the suite's tls.caFile); null when it is kept in memory.</summary>
    public string? CertificateAuthorityFile => sandbox.Tls?.TrustedAuthorityFile;

    /// <summary>The https listeners' certificate, protocols and client-certificate demand in one line; null without https.</summary>
    public string? TlsDescription => sandbox.Tls?.Description;

    /// <summary>The token endpoint, {BaseUrl}oauth/token.</summary>
    public Uri TokenEndpoint => new(BaseUrl, "oauth/token");

    public IReadOnlyList<SandboxDefect> ActiveDefects => sandbox.Defects.Active;

    public IReadOnlyList<SandboxVariant> ActiveVariants => sandbox.Variants.Active;

    /// <summary>What an environment file should declare for this host; the embedded suite reads it, so it follows the variants.</summary>
    public SandboxDeclaration Declaration { get; }

    /// <summary>The effective options (validated, app context normalised).</summary>
    public SandboxOptions Options => sandbox.Options;

    /// <summary>Where the data lives: "in-memory" or the database file's full path.</summary>
    public string DatabaseDescription => sandbox.Database.Description;

    /// <summary>How many requests reached the last-resort error handler; 0 on a healthy run.</summary>
    public long UnexpectedErrorCount => sandbox.UnexpectedErrors;

    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var effective = Validate(options);
        var defects = new ActiveDefects(effective.Defects);
        var variants = new ActiveVariants(effective.Variants, defects);
        variants.ApplyTo(effective);
        var seed = SeedVariants.Apply(SeedLoader.Load(effective.SeedPath), variants);
        var urls = LoopbackGuard.Check(effective.Urls, effective.AllowRemote);
        var serveHttps = urls.Any(LoopbackGuard.IsHttps);
        // The certificates are made while the database is seeded (its password hashing is a start's slow part), so on
        // a second core an https start costs next to nothing more than a plain one.
        var preparing = serveHttps ? Task.Run<SandboxTls?>(() => SandboxTls.Prepare(effective, defects, variants), ct) : Task.FromResult<SandboxTls?>(null);
        SandboxTls? tls = null;
        // Beside https, the plain-HTTP port of the plain-http-closed variant is held but never listened on: connections are refused.
        Socket? closedPlainPort = null;
        if (serveHttps && variants.Has(VariantNames.PlainHttpClosed) && urls.FirstOrDefault(u => !LoopbackGuard.IsHttps(u)) is { } plain)
        {
            closedPlainPort = ReservePort(plain);
            urls = urls.Where(LoopbackGuard.IsHttps).ToList();
        }

        var database = SandboxDatabase.Open(effective.DatabasePath);
        try
        {
            // The declaration reads the clients back, so a kept (possibly edited) file is declared as it is.
            var clients = await database.InTransactionAsync(db =>
            {
                if (!Schema.Exists(db)) // a kept file: its (possibly edited) data wins
                {
                    Schema.Create(db);
                    SeedWriter.Write(db, seed, effective.OperatorGrantType);
                }
                return ClientStore.Declared(db);
            }, ct);
            tls = await preparing;

            var sandbox = new SandboxServices(effective, defects, variants, database, TimeProvider.System) { Tls = tls };
            var app = Build(sandbox, urls);
            try
            {
                await app.StartAsync(ct);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                await app.DisposeAsync();
                throw new SandboxConfigurationException($"Cannot listen on {effective.Urls}: {e.Message}", e);
            }
            var addresses = app.Urls.Select(u => new Uri(u.Replace("://[::]", "://[::1]").Replace("://0.0.0.0", "://127.0.0.1").TrimEnd('/') + effective.AppContext + "/")).ToList();
            var baseUrl = addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttps) ?? addresses[0];
            Uri? plainHttpBaseUrl = null;
            if (tls is not null)
            {
                sandbox.HttpsPort = baseUrl.Port;
                plainHttpBaseUrl = closedPlainPort?.LocalEndPoint is IPEndPoint reserved
                    ? new Uri($"http://{baseUrl.Host}:{reserved.Port}{effective.AppContext}/")
                    : addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp);
            }
            sandbox.AccessTokens.Issuer = baseUrl.AbsoluteUri.TrimEnd('/');
            return new SandboxHost(app, sandbox, baseUrl, plainHttpBaseUrl, closedPlainPort,
                SandboxDeclaration.For(effective, variants, clients, tls?.TrustedAuthorityFile, plainHttpBaseUrl));
        }
        catch
        {
            closedPlainPort?.Dispose();
            if (tls is null && await Task.WhenAny(preparing) is { IsCompletedSuccessfully: true } made)
                tls = made.Result;
            tls?.Dispose();
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Binds the plain URL's port without listening: it stays this host's, and every connection to it is refused.</summary>
    private static Socket ReservePort(string url)
    {
        var uri = new Uri(url.Replace("://localhost", "://127.0.0.1"));
        var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Loopback;
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, uri.Port));
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new SandboxConfigurationException($"Cannot hold the plain-HTTP port of {url}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Locks or unlocks a customer or operator, as an administrator would in Rator (RT-08: a locked
    /// principal's refresh token must stop working). Returns false when no such principal exists.
    /// </summary>
    public async Task<bool> SetPrincipalLockedAsync(string brand, string username, bool locked, CancellationToken ct = default) =>
        await sandbox.Principals.SetLockedAsync(PrincipalKind.Customer, brand, username, locked, ct) |
        await sandbox.Principals.SetLockedAsync(PrincipalKind.Operator, brand, username, locked, ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
            closedPlainPort?.Dispose();
            sandbox.Tls?.Dispose();
            await sandbox.Database.DisposeAsync();
        }
    }

    private static WebApplication Build(SandboxServices sandbox, IReadOnlyList<string> urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production, // never the developer exception page
        });
        builder.WebHost.UseUrls(urls.ToArray());
        if (sandbox.Tls is not null)
            builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (sandbox.Tls is { } tls)
                kestrel.ConfigureHttpsDefaults(https => Serve(https, tls));
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = sandbox.Options.MaxRequestBodyBytes;
            // Long values must reach the endpoint and get a JSON 400, not Kestrel's empty 414/431.
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 128 * 1024;
            // Non-ASCII header bytes are read as Latin-1 and then refused by the endpoint, not by Kestrel.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed request is answered by our handler; its log line would only clutter the suite's console.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.Critical);
        // A failed bind is rethrown as a one-line SandboxConfigurationException; no stack trace on the console.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddRouting();

        var app = builder.Build();
        SandboxMiddleware.Use(app, sandbox);
        SandboxRoutes.Map(app, sandbox);
        return app;
    }

    private static void Serve(HttpsConnectionAdapterOptions https, SandboxTls tls)
    {
        https.ServerCertificate = tls.ServerCertificate;
        https.SslProtocols = tls.Protocols;
        if (tls.RequiresClientCertificate)
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => tls.AcceptsClientCertificate(certificate);
        }

        if (tls.CipherSuites is { } suites)
            https.OnAuthenticate = (_, options) => options.CipherSuitesPolicy = suites;
    }

    private static SandboxOptions Validate(SandboxOptions options)
    {
        var copy = options.Clone();
        copy.Defects = (options.Defects ?? []).ToArray();
        copy.Variants = (options.Variants ?? []).ToArray();
        copy.TlsHostNames = (options.TlsHostNames ?? []).ToArray();
        var context = (options.AppContext ?? "").Trim().TrimEnd('/');
        if (context.Length > 0 && !context.StartsWith('/')) context = "/" + context;
        if (context.Length > 0 && !AppContextSyntax().IsMatch(context))
            throw new SandboxConfigurationException($"Invalid app context '{options.AppContext}': use a path such as /rator.");
        copy.AppContext = context;
        if (string.IsNullOrWhiteSpace(options.OperatorGrantType) || !GrantSyntax().IsMatch(options.OperatorGrantType) ||
            options.OperatorGrantType is "password" or "client_credentials" or "refresh_token" or "authorization_code" or "implicit")
            throw new SandboxConfigurationException(
                $"Invalid operator grant type '{options.OperatorGrantType}': use a name such as operator_password.");
        if (options.LatencyMs < 0) throw new SandboxConfigurationException("LatencyMs must be >= 0.");
        if (options.ThrottleMaxFailures < 1 || options.ThrottleWindowSeconds < 1)
            throw new SandboxConfigurationException("The throttle needs at least 1 failure and a window of at least 1 s.");
        if (options.MaxRequestBodyBytes < 1024) throw new SandboxConfigurationException("MaxRequestBodyBytes must be at least 1024.");
        return copy;
    }

    [GeneratedRegex("^(/[A-Za-z0-9._~-]+)+$")]
    private static partial Regex AppContextSyntax();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex GrantSyntax();
}
