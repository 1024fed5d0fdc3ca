namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// What the suite talks to: a deployment's base URL (with its app context), or the embedded sandbox, whose URL is
/// only known once the run's first hook has started it (<see cref="EnvironmentProfile.ForEmbeddedSandbox"/>).
/// </summary>
public sealed record TargetSettings
{
    public bool EmbeddedSandbox { get; init; }

    /// <summary>The app context below the sandbox's root, e.g. <c>rator</c>; used for the embedded sandbox only.</summary>
    public string AppContext { get; init; } = "rator";

    /// <summary>Base URL including the app context, always ending with '/'; null until an embedded sandbox runs.</summary>
    public Uri? BaseUrl { get; init; }
}
