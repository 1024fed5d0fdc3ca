using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// A scenario's redacted exchanges, each tied to the step that sent it, its data seed, the curl commands reproducing its
/// failure, and what it judged when it judges the whole run.
/// </summary>
internal sealed record ScenarioEvidence(IReadOnlyList<EvidenceItem> Items, int DataSeed, IReadOnlyList<string> Reproductions,
    JudgedAnswers? Judged = null);
