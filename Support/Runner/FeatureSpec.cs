namespace Rator.Contract.Tests.Support.Runner;

/// <summary>One .feature file: the argument of one NUnit fixture.</summary>
public sealed record FeatureSpec
{
    /// <summary>With '/' separators, relative to the folder holding Features/: "Features/Tokens/Password.feature".</summary>
    public required string RelativePath { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Without '@'.</summary>
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>An identifier (letters, digits, '_'): the feature's class name in TRX and JUnit.</summary>
    public required string ClassName { get; init; }
    public required IReadOnlyList<ScenarioSpec> Scenarios { get; init; }
    /// <summary>One instance per feature: Reqnroll matches features by reference.</summary>
    public Reqnroll.FeatureInfo? Info { get; init; }
    /// <summary>The feature's Cucumber messages (source, GherkinDocument, pickles) that <see cref="Info"/> carries.</summary>
    public Reqnroll.Formatters.RuntimeSupport.IFeatureLevelCucumberMessages? Messages { get; init; }
    /// <summary>Set when the file could not be parsed; the feature then has no scenarios and one failing test.</summary>
    public string? ParseError { get; init; }

    public override string ToString() => RelativePath;
}
