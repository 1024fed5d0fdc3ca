using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>A scenario's redacted exchanges, each tied to the step that sent it, its data seed, and the curl commands reproducing its failure.</summary>
internal sealed record ScenarioEvidence(IReadOnlyList<EvidenceItem> Items, int DataSeed, IReadOnlyList<string> Reproductions);
