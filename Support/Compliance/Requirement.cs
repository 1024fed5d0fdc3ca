namespace Rator.Contract.Tests.Support.Compliance;

/// <summary>One row of the requirements catalogue: what the suite proves about a deployment.</summary>
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
    string Check);
