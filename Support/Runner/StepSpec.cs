namespace Rator.Contract.Tests.Support.Runner;

/// <summary>Which runner call executes a step; conjunctions already resolved by the pickle compiler.</summary>
public enum StepKind
{
    Given,
    When,
    Then,
    /// <summary>A '*' step or an And/But whose type Gherkin could not resolve: continues the current block.</summary>
    And,
}

/// <summary>One step of a pickle, with its Background, Rule background and outline values already applied.</summary>
public sealed record StepSpec(
    string Keyword,
    StepKind Kind,
    string Text,
    string? DocString,
    IReadOnlyList<IReadOnlyList<string>>? TableRows)
{
    /// <summary>A fresh Reqnroll table per run: step bindings may mutate the one they get.</summary>
    public Reqnroll.Table? CreateTable()
    {
        if (TableRows is not { Count: > 0 })
            return null;
        var table = new Reqnroll.Table(TableRows[0].ToArray());
        foreach (var row in TableRows.Skip(1))
            table.AddRow(row.ToArray());
        return table;
    }

    public override string ToString() => $"{Keyword.Trim()} {Text}";
}
