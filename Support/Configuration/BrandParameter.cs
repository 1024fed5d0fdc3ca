namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// The brand parameter of the token endpoint. The vendor's pages disagree (docs/contract.md D6, D12, V2, V3):
/// <c>brand_key</c> or <c>brandKey</c>, in the query or in the form body, so each deployment declares its own.
/// </summary>
public sealed record BrandParameter(string Name, ParameterPlace Place)
{
    public const string SnakeCase = "brand_key";
    public const string CamelCase = "brandKey";

    public static IReadOnlyList<string> KnownNames { get; } = [SnakeCase, CamelCase];

    /// <summary>The seed page's form: <c>brand_key</c> "of type QUERY".</summary>
    public static BrandParameter Default { get; } = new(SnakeCase, ParameterPlace.Query);

    public override string ToString() => $"{Name} in the {(Place == ParameterPlace.Query ? "query" : "form body")}";
}
