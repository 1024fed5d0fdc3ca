namespace Rator.Contract.Tests.Support.Runner;

/// <summary>One executed (or skipped) step of a scenario.</summary>
public sealed record ScenarioStepRun(
    string Keyword,
    string Text,
    StepStatus Status,
    DateTimeOffset Start,
    DateTimeOffset Stop,
    string? ErrorMessage)
{
    /// <summary>"Given a customer of BRAND1", as written in the feature file.</summary>
    public override string ToString() => $"{Keyword.Trim()} {Text}";
}
