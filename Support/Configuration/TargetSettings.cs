namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// What the suite talks to: a deployment's base URL (with its app context), or the embedded sandbox, whose URL is
/// only known once the run's first hook has started it (<see cref="EnvironmentProfile.WithBaseUrl"/>).
/// </summary>
public sealed record TargetSettings
{
    public bool EmbeddedSandbox { get; init; }

    /// <summary>Base URL including the app context, always ending with '/'; null until an embedded sandbox runs.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>How long a run waits for a deployment that became unavailable mid-run (target.unavailableWaitSeconds).</summary>
    public TimeSpan UnavailableWait { get; init; } = DefaultUnavailableWait;

    /// <summary>The schema's default for target.unavailableWaitSeconds.</summary>
    public static TimeSpan DefaultUnavailableWait { get; } =
        TimeSpan.FromSeconds(EnvironmentSchema.Default.IntegerDefault("target", "unavailableWaitSeconds"));

    internal static TimeSpan UnavailableWaitIn(SettingsNode target) =>
        target.Int("unavailableWaitSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultUnavailableWait;
}
