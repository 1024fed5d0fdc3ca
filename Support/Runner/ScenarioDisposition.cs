namespace Rator.Contract.Tests.Support.Runner;

/// <summary>How a finished scenario is reported: the outcome an <see cref="IScenarioVerdictPolicy"/> chose.</summary>
public abstract record ScenarioDisposition
{
    private ScenarioDisposition() { }

    public static ScenarioDisposition Pass(string? note = null) => new Passed(note);
    public static ScenarioDisposition Fail(Exception error) => new Failed(error ?? throw new ArgumentNullException(nameof(error)));
    public static ScenarioDisposition Warn(string message) => new Warned(message);
    public static ScenarioDisposition NotApplicable(string reason) => new NotApplicableByDesign(reason);
    public static ScenarioDisposition Skip(string reason) => new Skipped(reason);

    /// <summary>The scenario passes; the note (if any) is written to the test output and the run record.</summary>
    public sealed record Passed(string? Note) : ScenarioDisposition;

    /// <summary>The scenario fails with this error (its message and stack trace are kept).</summary>
    public sealed record Failed(Exception Error) : ScenarioDisposition;

    /// <summary>The scenario ends with NUnit's Warning outcome, even if a step's assertion failed.</summary>
    public sealed record Warned(string Message) : ScenarioDisposition;

    /// <summary>The deployment lacks the feature by design: Ignored, "Not applicable: reason".</summary>
    public sealed record NotApplicableByDesign(string Reason) : ScenarioDisposition;

    /// <summary>A precondition is missing: Ignored, "Skipped: reason".</summary>
    public sealed record Skipped(string Reason) : ScenarioDisposition;
}
