using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.Bindings;
using Reqnroll.Configuration;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The steps no step definition matches (or more than one does), found with Reqnroll's own matcher over the suite's
/// bindings and its parameter types: a misspelt phrase — a mistake, a bad client, a forbidden operator — is reported
/// when the scenarios are listed, before anything is sent, not as an undefined step in the middle of a run.
/// Nothing runs: no hook, no step, no test-run start.
/// </summary>
public static class StepBindingCheck
{
    /// <summary>A step of a scenario that would not run: <paramref name="Why"/> is "unbound" or "ambiguous".</summary>
    public sealed record UnboundStep(FeatureSpec Feature, ScenarioSpec Scenario, StepSpec Step, string Why)
    {
        public override string ToString() => $"{Feature.RelativePath}: {Scenario.TestName}: {Step} ({Why})";
    }

    public static IReadOnlyList<UnboundStep> Check(IEnumerable<(FeatureSpec Feature, ScenarioSpec Scenario)> scenarios)
    {
        var runner = TestRunnerManager.GetTestRunnerForAssembly(FeatureCatalog.TestAssembly, new ContainerBuilder(new BindingsOnly()));
        try
        {
            var container = runner.TestThreadContext.TestThreadContainer;
            var matcher = container.Resolve<IStepDefinitionMatchService>();
            var configuration = container.Resolve<ReqnrollConfiguration>();
            var culture = configuration.BindingCulture ?? configuration.FeatureLanguage;
            var transformations = container.Resolve<IBindingRegistry>().GetStepTransformations().Where(t => t.Regex is not null).ToList();
            var unbound = new List<UnboundStep>();
            foreach (var (feature, scenario) in scenarios)
            {
                var block = StepDefinitionType.Given;
                foreach (var step in scenario.Steps)
                {
                    block = step.Kind switch
                    {
                        StepKind.Given => StepDefinitionType.Given,
                        StepKind.When => StepDefinitionType.When,
                        StepKind.Then => StepDefinitionType.Then,
                        _ => block,
                    };
                    var instance = new StepInstance(block, Keyword(block), step.Keyword, step.Text,
                        step.DocString, step.CreateTable(), stepContext: null);
                    var match = matcher.GetBestMatch(instance, culture, out var ambiguity, out _);
                    if (!match.Success)
                        unbound.Add(new UnboundStep(feature, scenario, step,
                            ambiguity == StepDefinitionAmbiguityReason.None ? "unbound" : "ambiguous"));
                    else if (UnknownPhrase(match, transformations) is { } phrase)
                        unbound.Add(new UnboundStep(feature, scenario, step, $"unbound: \"{phrase}\" is no phrase its parameter type knows"));
                }
            }
            return unbound;
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    /// <summary>
    /// The argument a phrase type's transformation does not know. Reqnroll matches a parameter type that is an enum
    /// ({TokenGrant}, {Mistake}...) with any text and would only fail to convert it once the step runs; here the
    /// phrase must be one its [StepArgumentTransformation] lists.
    /// </summary>
    private static string? UnknownPhrase(BindingMatch match, IReadOnlyList<IStepArgumentTransformationBinding> transformations)
    {
        var parameters = match.StepBinding.Method.Parameters.ToArray();
        for (var i = 0; i < parameters.Length && i < match.Arguments.Length; i++)
        {
            if (match.Arguments[i].Value is not string argument)
                continue;
            var known = transformations.Where(t => t.Method.ReturnType.FullName == parameters[i].Type.FullName).ToList();
            if (known.Count > 0 && !known.Any(t => t.Regex.Match(argument) is { Success: true } m && m.Index == 0 && m.Length == argument.Length))
                return argument;
        }
        return null;
    }

    /// <summary>
    /// Reqnroll as a matcher only: no formatter (an HTML report waiting for a test run that never starts holds the
    /// process half a minute at exit) and no console trace ("-> Loading plugin" would end up in the listing).
    /// </summary>
    private sealed class BindingsOnly : DefaultDependencyProvider
    {
        public override void RegisterGlobalContainerDefaults(ObjectContainer container)
        {
            base.RegisterGlobalContainerDefaults(container);
            container.RegisterTypeAs<FormattersOff, IFormattersConfigurationDisableOverrideProvider>();
            container.RegisterTypeAs<Silent, ITraceListener>();
        }
    }

    private sealed class FormattersOff : IFormattersConfigurationDisableOverrideProvider
    {
        public bool Disabled() => true;
    }

    private sealed class Silent : ITraceListener
    {
        public void WriteTestOutput(string message) { }

        public void WriteToolOutput(string message) { }
    }

    private static StepDefinitionKeyword Keyword(StepDefinitionType type) => type switch
    {
        StepDefinitionType.Given => StepDefinitionKeyword.Given,
        StepDefinitionType.When => StepDefinitionKeyword.When,
        _ => StepDefinitionKeyword.Then,
    };
}
