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
}
