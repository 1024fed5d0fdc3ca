using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// The Cucumber messages of one feature, from the Gherkin parser's own converter and pickle compiler
/// (what Reqnroll's generator would have embedded), so the html and message formatters can report it.
/// </summary>
internal sealed class FeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles)
    : IFeatureLevelCucumberMessages
{
    // False would make Reqnroll silently leave the feature out of the reports.
    public bool HasMessages => true;
    public Source Source { get; } = source;
    public GherkinDocument GherkinDocument { get; } = document;
    public IEnumerable<Pickle> Pickles { get; } = pickles;
}
