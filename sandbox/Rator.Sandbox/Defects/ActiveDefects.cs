namespace Rator.Sandbox.Defects;

/// <summary>The defects switched on for one host; validated against the catalogue at start-up.</summary>
internal sealed class ActiveDefects
{
    private readonly HashSet<string> names;

    public ActiveDefects(IEnumerable<string> requested)
    {
        var known = SandboxDefectCatalog.All.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var list = new List<SandboxDefect>();
        foreach (var raw in requested)
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (!known.TryGetValue(name, out var defect))
                throw new SandboxConfigurationException(
                    $"Unknown defect '{name}'. Run with --list-defects to see the known names.");
            if (!list.Contains(defect)) list.Add(defect);
        }
        Active = list;
        names = list.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<SandboxDefect> Active { get; }

    public bool Has(string name) => names.Contains(name);
}
