namespace Rator.Contract.Tests.Support.Selection;

/// <summary>
/// A Cucumber tag expression (<c>@PW-01 or (@BK-06 and not @slow)</c>), the selection language of
/// run-tests.ps1 -Tags. It is evaluated here for -List and translated to NUnit's where-language for the
/// run, so that the list and the run always select the same scenarios.
/// </summary>
public abstract class TagExpression
{
    public abstract bool Matches(IReadOnlyCollection<string> tags);

    /// <summary>The same selection as an NUnit test filter ("cat == X" on the scenario categories).</summary>
    public abstract string ToNUnitWhere();

    public static TagExpression Parse(string text) => new TagExpressionParser(text).ParseAll();

    internal sealed class Tag(string name) : TagExpression
    {
        public string Name { get; } = name;
        public override bool Matches(IReadOnlyCollection<string> tags) =>
            tags.Any(t => t.TrimStart('@').Equals(Name, StringComparison.OrdinalIgnoreCase));
        public override string ToNUnitWhere() => $"cat == '{Name}'";
        public override string ToString() => "@" + Name;
    }

    internal sealed class Not(TagExpression operand) : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => !operand.Matches(tags);
        public override string ToNUnitWhere() => $"!({operand.ToNUnitWhere()})";
        public override string ToString() => $"not ({operand})";
    }

    internal sealed class And(TagExpression left, TagExpression right) : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => left.Matches(tags) && right.Matches(tags);
        public override string ToNUnitWhere() => $"({left.ToNUnitWhere()} && {right.ToNUnitWhere()})";
        public override string ToString() => $"({left} and {right})";
    }

    internal sealed class Or(TagExpression left, TagExpression right) : TagExpression
    {
        public override bool Matches(IReadOnlyCollection<string> tags) => left.Matches(tags) || right.Matches(tags);
        public override string ToNUnitWhere() => $"({left.ToNUnitWhere()} || {right.ToNUnitWhere()})";
        public override string ToString() => $"({left} or {right})";
    }
}
