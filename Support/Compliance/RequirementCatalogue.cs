using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Compliance;

/// <summary>
/// The 70 requirements the suite proves, read from the embedded requirements.json. It is the single
/// source for the compliance matrix, the verdict policy (which failures gate a release) and the
/// requirement links in every report.
/// </summary>
public sealed partial class RequirementCatalogue
{
    private readonly Dictionary<string, Requirement> _byId;

    private RequirementCatalogue(IReadOnlyList<Requirement> requirements)
    {
        All = requirements;
        _byId = requirements.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Requirement> All { get; }

    public static RequirementCatalogue Default { get; } = LoadEmbedded();

    public Requirement? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The requirement IDs among a scenario's tags (with or without the leading '@').</summary>
    public static IReadOnlyList<string> IdsIn(IEnumerable<string> tags) =>
        tags.Select(t => t.TrimStart('@'))
            .Where(t => IdPattern().IsMatch(t))
            .Select(t => t.ToUpperInvariant())
            .Distinct()
            .ToList();

    private static RequirementCatalogue LoadEmbedded()
    {
        var assembly = typeof(RequirementCatalogue).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("requirements.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                   ?? throw new InvalidOperationException("requirements.json is empty");
        return new RequirementCatalogue(file.Requirements);
    }

    [GeneratedRegex("^[A-Z]{2}-[0-9]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();

    private sealed record CatalogueFile(List<Requirement> Requirements);
}
