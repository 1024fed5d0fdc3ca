namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// The environment cannot be used: unknown, unreadable or invalid. The message lists every problem found, one per
/// line, and names missing variables without ever showing a value; nothing has been sent to the target.
/// </summary>
public sealed class EnvironmentConfigurationException : Exception
{
    public EnvironmentConfigurationException(string environment, IReadOnlyList<string> problems, IReadOnlyList<string>? missingVariables = null)
        : base(Compose(environment, problems))
    {
        Environment = environment;
        Problems = problems;
        MissingVariables = missingVariables ?? [];
    }

    public string Environment { get; }
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The names (only) of the variables that were referenced but not set.</summary>
    public IReadOnlyList<string> MissingVariables { get; }

    private static string Compose(string environment, IReadOnlyList<string> problems)
    {
        var heading = problems.Count == 1
            ? $"Environment {environment} cannot be used (nothing was sent to the target):"
            : $"Environment {environment} cannot be used, {problems.Count} problems (nothing was sent to the target):";
        return heading + string.Concat(problems.Select(p => System.Environment.NewLine + "  - " + p));
    }
}
