using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Endpoints;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Seed;
using Rator.Sandbox.Storage;
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
    private int disposed;

    private SandboxHost(WebApplication app, SandboxServices sandbox, Uri baseUrl, SandboxDeclaration declaration)
    {
        this.app = app;
        this.sandbox = sandbox;
        BaseUrl = baseUrl;
        Declaration = declaration;
    }

    /// <summary>The app context's root with a trailing slash, e.g. http://127.0.0.1:41234/rator/.</summary>
    public Uri BaseUrl { get; }

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

            var sandbox = new SandboxServices(effective, defects, variants, database, TimeProvider.System);
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
            var address = app.Urls.First().Replace("://[::]", "://[::1]").Replace("://0.0.0.0", "://127.0.0.1");
            var baseUrl = new Uri(address.TrimEnd('/') + effective.AppContext + "/");
            sandbox.AccessTokens.Issuer = baseUrl.AbsoluteUri.TrimEnd('/');
            return new SandboxHost(app, sandbox, baseUrl, SandboxDeclaration.For(effective, variants, clients));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
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
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
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

    private static SandboxOptions Validate(SandboxOptions options)
    {
        var copy = options.Clone();
        copy.Defects = (options.Defects ?? []).ToArray();
        copy.Variants = (options.Variants ?? []).ToArray();
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
