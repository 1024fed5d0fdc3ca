namespace Rator.Sandbox;

/// <summary>A variant and a defect that cannot run together, because the variant leaves the defect nothing observable to break.</summary>
public sealed record VariantConflict(string Variant, string Defect, string Reason);
