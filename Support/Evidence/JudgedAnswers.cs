namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// What a rule judged over the whole run: how many answers of which kind, from how many scenarios
/// ("judged 214 token-endpoint answers holding a token from 131 scenarios"). Reports show it beside the verdict,
/// so a pass says what it covered.
/// </summary>
public sealed record JudgedAnswers(string Kind, int Answers, int Scenarios)
{
    public override string ToString() =>
        $"judged {Answers} {Kind} from {Scenarios} scenario{(Scenarios == 1 ? "" : "s")}";
}
