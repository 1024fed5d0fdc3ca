namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// The brand parameter of the token endpoint (<c>tokenEndpoint.brandParameter</c>). The vendor's pages disagree
/// (docs/contract.md D6, D12, V2, V3): <c>brand_key</c> or <c>brandKey</c>, in the query or in the form body, so each
/// deployment declares its own.
/// </summary>
public sealed record BrandParameter(string Name, ParameterPlace Place)
{
    public const string SnakeCase = "brand_key";
    public const string CamelCase = "brandKey";

    public static IReadOnlyList<string> KnownNames { get; } = [SnakeCase, CamelCase];

    /// <summary>The schema's default, the seed page's form: <c>brand_key</c> "of type QUERY".</summary>
    public static BrandParameter Default { get; } = new(
        EnvironmentSchema.Default.StringDefault("tokenEndpoint", "brandParameter", "name"),
        PlaceNamed(EnvironmentSchema.Default.StringDefault("tokenEndpoint", "brandParameter", "place")));

    public override string ToString() => $"{Name} in the {(Place == ParameterPlace.Query ? "query" : "form body")}";

    internal static BrandParameter Read(SettingsNode? node) =>
        node is null
            ? Default
            : new BrandParameter(node.String("name") ?? Default.Name, node.String("place") is { } place ? PlaceNamed(place) : Default.Place);

    /// <summary>The schema's words for a place: "query" or "form".</summary>
    public static ParameterPlace PlaceNamed(string place) => place == "form" ? ParameterPlace.Form : ParameterPlace.Query;
}
