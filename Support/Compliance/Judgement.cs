namespace Rator.Contract.Tests.Support.Compliance;

public enum JudgementKind { Pass, Fail, Warn }

/// <summary>What a scenario's outcome means for the release gate, and the note the reports show.</summary>
public sealed record Judgement(JudgementKind Kind, string? Note)
{
    public static Judgement Pass(string? note = null) => new(JudgementKind.Pass, note);
    public static Judgement Fail => new(JudgementKind.Fail, null);
    public static Judgement Warn(string note) => new(JudgementKind.Warn, note);
}
