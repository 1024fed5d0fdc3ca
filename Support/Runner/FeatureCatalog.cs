using System.Reflection;
using NUnit.Framework;

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

    /// <summary>The fixture source: one fixture per feature, named after it.</summary>
    public static IEnumerable<TestFixtureData> Fixtures() =>
        Features.Select(feature => new TestFixtureData(feature) { TestName = feature.FixtureName });

    /// <summary>Every Features/**/*.feature below <paramref name="root"/>, with fixture names made unique.</summary>
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
            .Select(feature => feature with { FixtureName = Unique(feature.FixtureName, usedNames) })
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
