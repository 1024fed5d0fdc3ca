using System.Text;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// The shell variable a reproduction command uses for each secret of the environment: the variable the environment
/// file names (<c>${RATOR_STAGING_PRIMARY_CLIENT_SECRET}</c>), or for a secret written in the file itself a placeholder
/// named after where it is (<c>$.clients.primary.secret</c> of "local" → <c>RATOR_LOCAL_CLIENTS_PRIMARY_SECRET</c>).
/// </summary>
public sealed class ShellVariables
{
    /// <summary>A secret's variable, and the sentence telling a reader what to set it to.</summary>
    public sealed record Variable(string Name, string Value, string Hint);

    public ShellVariables(IEnumerable<Variable> variables)
    {
        // Longest first: where one value contains another, the longer is replaced whole.
        All = variables.Where(v => v.Value.Length > 0).DistinctBy(v => v.Value, StringComparer.Ordinal)
            .OrderByDescending(v => v.Value.Length).ToList();
    }

    public IReadOnlyList<Variable> All { get; }

    public static ShellVariables For(EnvironmentProfile profile)
    {
        // Variables first: a secret written as "${NAME}" is that variable, not a literal of the file.
        var fromVariables = profile.SecretVariables.Select(s => new Variable(s.Name.Trim('$', '{', '}'), s.Value,
            $"set {s.Name.Trim('$', '{', '}')} as for the suite run (the environment file refers to it)"));
        var literals = profile.Secrets.Where(s => s.Name.StartsWith("$.", StringComparison.Ordinal)).Select(s =>
        {
            var name = Placeholder(profile.Name, s.Name);
            return new Variable(name, s.Value, $"set {name} to the value written at {s.Name.TrimStart('$', '.')} of the environment file");
        });
        return new ShellVariables(fromVariables.Concat(literals));
    }

    /// <summary>"RATOR_" + environment + JSON path, upper case, every other character an underscore.</summary>
    public static string Placeholder(string environment, string jsonPath)
    {
        var name = new StringBuilder("RATOR_");
        foreach (var c in $"{environment}_{jsonPath.TrimStart('$', '.')}")
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        return name.ToString();
    }
}
