namespace Rator.Sandbox;

/// <summary>A named switch that makes the sandbox break exactly one requirement of the catalogue.</summary>
public sealed record SandboxDefect(string Name, string RequirementId, string Description);
