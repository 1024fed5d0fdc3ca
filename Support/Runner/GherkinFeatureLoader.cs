using System.Globalization;
using System.Text;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Messages = Io.Cucumber.Messages.Types;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Parses a .feature file into what the fixture needs: one <see cref="ScenarioSpec"/> per pickle and one
/// Reqnroll <see cref="Reqnroll.FeatureInfo"/> carrying the feature's Cucumber messages.
/// </summary>
public static class GherkinFeatureLoader
{
    public const string NameSeparator = " — ";

    public static FeatureSpec Load(string featureText, string relativePath)
    {
        relativePath = relativePath.Replace('\\', '/');
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(featureText));
        }
        catch (ParserException ex)
        {
            return Broken(relativePath, ex.Message);
        }
        if (ast.Feature is null)
            return Broken(relativePath, "the file holds no Feature");

        var ids = new PrefixedIdGenerator(relativePath);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, relativePath);
        var pickles = new PickleCompiler(ids).Compile(document);
        var feature = document.Feature;

        var featureTags = TagNames(feature.Tags);
        var description = NormaliseDescription(feature.Description);
        var messages = new FeatureMessages(
            new Messages.Source(relativePath, featureText, Messages.SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN),
            document,
            pickles);
        var info = new Reqnroll.FeatureInfo(
            new CultureInfo(feature.Language),
            FolderOf(relativePath),
            feature.Name,
            description,
            Reqnroll.ProgrammingLanguage.CSharp,
            featureTags.ToArray(),
            messages);

        var outline = DocumentIndex.Of(feature);
        var usedNames = new Dictionary<string, int>(StringComparer.Ordinal);
        var scenarios = pickles.Select((pickle, index) =>
            ToScenario(pickle, index, feature.Name, featureTags, outline, usedNames)).ToList();

        return new FeatureSpec
        {
            RelativePath = relativePath,
            Title = feature.Name,
            Description = description,
            Tags = featureTags,
            ClassName = ToIdentifier(feature.Name),
            Scenarios = scenarios,
            Info = info,
            Messages = messages,
        };
    }

    /// <summary>"Token endpoint: password grant" → "TokenEndpointPasswordGrant".</summary>
    public static string ToIdentifier(string title)
    {
        var builder = new StringBuilder();
        var upperNext = true;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
        if (builder.Length == 0 || char.IsDigit(builder[0]))
            builder.Insert(0, "Feature");
        return builder.ToString();
    }

    private static ScenarioSpec ToScenario(
        Messages.Pickle pickle,
        int index,
        string featureTitle,
        IReadOnlyList<string> featureTags,
        DocumentIndex outline,
        Dictionary<string, int> usedNames)
    {
        var (scenario, rule) = outline.Scenarios[pickle.AstNodeIds[0]];
        var example = pickle.AstNodeIds.Count > 1 ? outline.ExampleRows.GetValueOrDefault(pickle.AstNodeIds[1]) : null;

        var arguments = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        if (example is not null)
        {
            for (var i = 0; i < example.Header.Cells.Count && i < example.Row.Cells.Count; i++)
                arguments.TryAdd(example.Header.Cells[i].Value, example.Row.Cells[i].Value);
        }

        var ownTags = TagNames(scenario.Tags).Concat(example is null ? [] : TagNames(example.Examples.Tags))
            .Distinct(StringComparer.Ordinal).ToArray();
        var ruleTags = rule is null ? [] : TagNames(rule.Tags);
        var inheritedTags = featureTags.Concat(ruleTags).Distinct(StringComparer.Ordinal).ToArray();

        var name = featureTitle + NameSeparator + pickle.Name;
        if (arguments.Count > 0)
            name += " [" + string.Join(", ", arguments.Values) + "]";
        var seen = usedNames[name] = usedNames.GetValueOrDefault(name) + 1;
        if (seen > 1)
            name += " #" + seen;

        return new ScenarioSpec
        {
            Title = pickle.Name,
            Description = NormaliseDescription(scenario.Description),
            TestName = name,
            Tags = ownTags,
            InheritedTags = inheritedTags,
            Arguments = arguments,
            Rule = rule is null ? null : new Reqnroll.RuleInfo(rule.Name, NormaliseDescription(rule.Description), ruleTags.ToArray()),
            PickleIndex = index,
            Steps = pickle.Steps.Select(step => ToStep(step, outline)).ToArray(),
        };
    }

    private static StepSpec ToStep(Messages.PickleStep step, DocumentIndex outline)
    {
        // The pickle step points at the AST step (for the keyword as written) and, in an outline, the row.
        var keyword = outline.StepKeywords.GetValueOrDefault(step.AstNodeIds[0]) ?? "* ";
        var kind = step.Type switch
        {
            Messages.PickleStepType.CONTEXT => StepKind.Given,
            Messages.PickleStepType.ACTION => StepKind.When,
            Messages.PickleStepType.OUTCOME => StepKind.Then,
            _ => StepKind.And,
        };
        var rows = step.Argument?.DataTable?.Rows
            .Select(row => (IReadOnlyList<string>)row.Cells.Select(cell => cell.Value).ToArray())
            .ToArray();
        return new StepSpec(keyword, kind, step.Text, step.Argument?.DocString?.Content, rows);
    }

    private static FeatureSpec Broken(string relativePath, string error) => new()
    {
        RelativePath = relativePath,
        Title = Path.GetFileNameWithoutExtension(relativePath),
        Tags = [],
        ClassName = ToIdentifier(Path.GetFileNameWithoutExtension(relativePath)),
        Scenarios = [],
        ParseError = $"Gherkin parse error: {relativePath}: {error}",
    };

    private static IReadOnlyList<string> TagNames(IEnumerable<Messages.Tag> tags) =>
        tags.Select(tag => tag.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToArray();

    private static string FolderOf(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath[..slash];
    }

    // Gherkin keeps the source indentation in descriptions; readers want the text.
    private static string? NormaliseDescription(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
            return null;
        var lines = description.Replace("\r\n", "\n").Split('\n').Select(line => line.Trim());
        return string.Join("\n", lines).Trim();
    }

    private sealed record ExampleRow(Messages.Examples Examples, Messages.TableRow Header, Messages.TableRow Row);

    /// <summary>The AST nodes a pickle refers to, by id.</summary>
    private sealed class DocumentIndex
    {
        public Dictionary<string, (Messages.Scenario Scenario, Messages.Rule? Rule)> Scenarios { get; } = new();
        public Dictionary<string, ExampleRow> ExampleRows { get; } = new();
        public Dictionary<string, string> StepKeywords { get; } = new();

        public static DocumentIndex Of(Messages.Feature feature)
        {
            var index = new DocumentIndex();
            foreach (var child in feature.Children)
            {
                index.AddBackground(child.Background);
                index.AddScenario(child.Scenario, null);
                if (child.Rule is null)
                    continue;
                foreach (var ruleChild in child.Rule.Children)
                {
                    index.AddBackground(ruleChild.Background);
                    index.AddScenario(ruleChild.Scenario, child.Rule);
                }
            }
            return index;
        }

        private void AddBackground(Messages.Background? background)
        {
            foreach (var step in background?.Steps ?? [])
                StepKeywords[step.Id] = step.Keyword;
        }

        private void AddScenario(Messages.Scenario? scenario, Messages.Rule? rule)
        {
            if (scenario is null)
                return;
            Scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
                StepKeywords[step.Id] = step.Keyword;
            foreach (var examples in scenario.Examples)
            {
                if (examples.TableHeader is null)
                    continue;
                foreach (var row in examples.TableBody)
                    ExampleRows[row.Id] = new ExampleRow(examples, examples.TableHeader, row);
            }
        }
    }
}
