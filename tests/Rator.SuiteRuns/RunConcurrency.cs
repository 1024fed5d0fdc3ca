namespace Rator.SuiteRuns;

/// <summary>
/// How many suite runs go at once. A run is a short-lived process (the suite with the sandbox inside): a selection
/// mostly burns CPU starting up, while a full-suite run spends seconds of its life waiting for tokens to expire, idle.
/// One run more than the cores keeps the cores busy through those waits (see the matrices' READMEs for the figures);
/// RATOR_MATRIX_PARALLEL overrides it for a bigger or a busier machine.
/// </summary>
public static class RunConcurrency
{
    public const string Variable = "RATOR_MATRIX_PARALLEL";

    public static int FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return Environment.ProcessorCount + 1;
        return int.TryParse(text, out var value) && value >= 1
            ? value
            : throw new ArgumentException($"{Variable} must be a whole number of 1 or more (got '{text}').");
    }
}
