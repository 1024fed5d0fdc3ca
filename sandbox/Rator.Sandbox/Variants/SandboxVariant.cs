namespace Rator.Sandbox;

/// <summary>
/// A named switch that changes one behaviour of the sandbox to another answer the OAuth RFCs or the vendor's
/// contract allow; Clause says which, so a failing scenario points at the rule it reads too narrowly.
/// </summary>
public sealed record SandboxVariant(string Name, string Clause, string Description);
