namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// How this deployment's owners want verdicts weighed: requirements promoted to gating failures, and known issues
/// (an expected failure, reported with its ticket; a pass then says the known issue appears fixed).
/// </summary>
public sealed record PolicySettings
{
    public IReadOnlyList<string> Gating { get; init; } = [];
    public IReadOnlyDictionary<string, string> KnownIssues { get; init; } = new Dictionary<string, string>();

    public bool IsGating(string requirementId) => Gating.Contains(requirementId, StringComparer.OrdinalIgnoreCase);

    public bool TryGetKnownIssue(string requirementId, out string reason)
    {
        foreach (var (id, text) in KnownIssues)
        {
            if (string.Equals(id, requirementId, StringComparison.OrdinalIgnoreCase))
            {
                reason = text;
                return true;
            }
        }

        reason = "";
        return false;
    }

    /// <summary>The <c>policy</c> section; a known issue without a reason counts as none.</summary>
    internal static PolicySettings Read(SettingsNode? node)
    {
        if (node is null)
            return new PolicySettings();

        var knownIssues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node.Object("knownIssues") is { } issues)
        {
            foreach (var (id, value) in issues.Entries())
            {
                if (issues.ResolveString(id, value) is { Length: > 0 } reason)
                    knownIssues[id] = reason;
            }
        }

        return new PolicySettings { Gating = node.StringList("gating") ?? [], KnownIssues = knownIssues };
    }
}
