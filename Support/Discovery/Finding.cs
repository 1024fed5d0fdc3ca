using System.Text.Json.Nodes;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// One choice discovery made: the environment key it sets (a dotted path, as in environments/README.md), the value,
/// and the note written beside it as "_found": what was sent and what came back. A value of null means the answers
/// did not settle it: the key is left at its default and listed under "_todo" with the note.
/// </summary>
public sealed record Finding(string Key, JsonNode? Value, string Note)
{
    public bool Settled => Value is not null;

    public override string ToString() => $"{Key} = {(Value is null ? "(not settled, see _todo)" : Value.ToJsonString())}: {Note}";
}
