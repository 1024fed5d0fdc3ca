namespace Rator.Contract.Tests.Support.Compliance;

/// <summary>
/// One row of the requirements catalogue: what the suite proves about a deployment. <see cref="Promise"/> is what
/// the requirement exists for and what gates; <see cref="Wording"/> is the exact status, code or header the
/// clause's text suggests, checked by the rule's @wording scenarios as a warning; <see cref="Accepted"/> lists
/// the answers the RFCs and the vendor allow, so a report says what was accepted and why.
/// </summary>
public sealed record Requirement(
    string Id,
    string Area,
    string Name,
    string Source,
    string SourceGroup,
    string Strength,
    bool Gating,
    string Flows,
    string Severity,
    string? SeverityNote,
    string Check,
    string Promise,
    string? Wording,
    IReadOnlyList<string> Accepted);
