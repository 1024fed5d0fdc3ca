using System.Reflection;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// The .feature files copied under the output folder's Features/, parsed once per test process.
/// No features at all is a valid (empty) suite, not an error.
/// </summary>
public static class FeatureCatalog
{
    public const string FeaturesFolder = "Features";

    /// <summary>The assembly holding the bindings: passed to every Reqnroll call (its stack-walk fallback is unreliable).</summary>
    public static Assembly TestAssembly { get; } = typeof(FeatureCatalog).Assembly;

    private static readonly Lazy<IReadOnlyList<FeatureSpec>> Loaded = new(() => LoadAll(OutputFolder));

    public static IReadOnlyList<FeatureSpec> Features => Loaded.Value;

    /// <summary>
    /// Every pickle, in the order the scenarios should start: ScenarioSpec.StartOrder first (the long waits),
    /// then the rest, then those judging the whole run; within a rank, features in path order and each feature's
    /// pickles in file order.
    /// </summary>
    public static IEnumerable<(FeatureSpec Feature, ScenarioSpec Scenario)> InStartOrder(IEnumerable<FeatureSpec> features) =>
        features.SelectMany(feature => feature.Scenarios.Select(scenario => (feature, scenario)))
            .OrderBy(pair => pair.scenario.StartOrder ?? ScenarioSpec.DefaultStartOrder);   // a stable sort: file order within a rank

    /// <summary>Every Features/**/*.feature below <paramref name="root"/>, with class names made unique.</summary>
    public static IReadOnlyList<FeatureSpec> LoadAll(string root)
    {
        var folder = Path.Combine(root, FeaturesFolder);
        if (!Directory.Exists(folder))
            return [];
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        return Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => GherkinFeatureLoader.Load(File.ReadAllText(Path.Combine(root, relative)), relative))
            .Select(feature => feature with { ClassName = Unique(feature.ClassName, usedNames) })
            .ToArray();
    }

    private static string OutputFolder =>
        Path.GetDirectoryName(TestAssembly.Location) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory;

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
            candidate = name + i;
        return candidate;
    }
}
