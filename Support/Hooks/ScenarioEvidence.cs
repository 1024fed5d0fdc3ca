using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>A scenario's redacted exchanges, each tied to the step that sent it, and its data seed.</summary>
internal sealed record ScenarioEvidence(IReadOnlyList<EvidenceItem> Items, int DataSeed);
