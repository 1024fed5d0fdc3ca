namespace Rator.SuiteRuns;

/// <summary>
/// How many suite runs go at once. Each run is a short-lived process (the suite with the sandbox inside)
/// that mostly burns CPU starting up, so one run per core is the
/// default; RATOR_MATRIX_PARALLEL overrides it for a bigger or a busier machine.
/// </summary>
public static class RunConcurrency
{
    public const string Variable = "RATOR_MATRIX_PARALLEL";

    public static int FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return Math.Max(1, Environment.ProcessorCount);
        return int.TryParse(text, out var value) && value >= 1
            ? value
            : throw new ArgumentException($"{Variable} must be a whole number of 1 or more (got '{text}').");
    }
}
