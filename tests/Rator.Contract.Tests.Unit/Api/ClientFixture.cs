using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Unit.Configuration;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>The run-wide and per-scenario objects as the hooks build them, aimed at a fake or real server.</summary>
public sealed class ClientFixture : IDisposable
{
    /// <param name="shape">changes to the profile local.json gives (a tls or proxy section, say).</param>
    public ClientFixture(Uri baseUrl, TimeSpan? timeout = null, RetryPolicy? retry = null, Func<EnvironmentProfile, EnvironmentProfile>? shape = null)
    {
        Redactor = new SecretRedactor();
        Profile = RepositoryEnvironments.Local(Redactor, baseUrl, timeout);
        Profile = shape?.Invoke(Profile) ?? Profile;
        Http = new RatorHttp(Profile, Redactor, retry ?? RetryPolicy.Default with { Backoff = TimeSpan.FromMilliseconds(10) });
        Recorder = new ExchangeRecorder(Redactor);
        Api = new RatorApi(Http, Recorder);
    }

    public SecretRedactor Redactor { get; }
    public EnvironmentProfile Profile { get; }
    public RatorHttp Http { get; }
    public ExchangeRecorder Recorder { get; }
    public RatorApi Api { get; }

    public Principal Alice => Profile.RequirePrincipal("BRAND1", PrincipalRole.Customer);

    public void Dispose() => Http.Dispose();
}
