using FluentAssertions;
using Reqnroll;

namespace Rator.Contract.Tests.Unit.Runner.Sample.Steps;

public sealed class Calculator
{
    public bool On { get; set; }
    public List<int> Entered { get; } = [];
    public int Result { get; set; }
    public int Divisor { get; set; }
    public string? Note { get; set; }
}

[Binding]
public sealed class CalculatorSteps(Calculator calculator)
{
    [Given("the calculator is switched on")]
    public void SwitchOn() => calculator.On = true;

    [Given("I have entered {int} into the calculator")]
    public void Enter(int number)
    {
        calculator.On.Should().BeTrue("the Background runs first");
        calculator.Entered.Add(number);
    }

    [Given("these numbers are entered:")]
    public void EnterTable(DataTable table) =>
        calculator.Entered.AddRange(table.Rows.Select(row => int.Parse(row["value"])));

    [When("^I press (add|multiply)$")]
    public void Press(string operation) =>
        calculator.Result = operation == "add" ? calculator.Entered.Sum() : calculator.Entered.Aggregate(1, (a, b) => a * b);

    [Given("the divisor is {int}")]
    public void SetDivisor(int divisor) => calculator.Divisor = divisor;

    [When("I divide by the divisor")]
    public void Divide() => calculator.Result = calculator.Entered.Single() / calculator.Divisor;

    [Given("a note:")]
    public void SetNote(string note) => calculator.Note = note;

    [Then("the note has {int} lines")]
    public void NoteLines(int lines) => calculator.Note!.Split('\n').Should().HaveCount(lines);

    [Then("the result should be {int}")]
    public void Result(int expected) => calculator.Result.Should().Be(expected);
}
