using Gherkin.CucumberMessages;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Message ids must be unique across all features of the run (the formatters merge them), and
/// Gherkin's incrementing generator restarts at 0 for every file: prefix them with the file.
/// </summary>
internal sealed class PrefixedIdGenerator(string prefix) : IIdGenerator
{
    private int _next;

    public string GetNewId() => $"{prefix}-{_next++}";
}
