using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// One brand parameter as sent; a null name or place means "as the environment declares"
/// (<see cref="TokenEndpointSettings.BrandParameter"/>).
/// </summary>
public sealed record BrandPlacement(string Value, string? Name = null, ParameterPlace? Place = null);

/// <summary>
/// How a token request presents its brand: as the environment declares, under an explicit name and place, or one
/// of the faulty forms the contract scenarios probe (missing, empty, conflicting, duplicated).
/// </summary>
public sealed record BrandPresentation(IReadOnlyList<BrandPlacement> Placements, string Description)
{
    /// <summary>No brand parameter at all (BK-01).</summary>
    public static BrandPresentation Missing { get; } = new([], "no brand");

    /// <summary>The brand parameter present but empty (BK-01).</summary>
    public static BrandPresentation Empty { get; } = new([new BrandPlacement("")], "an empty brand");

    /// <summary>The brand under the environment's parameter name and place.</summary>
    public static BrandPresentation Configured(string brand) => new([new BrandPlacement(brand)], $"brand {brand}");

    /// <summary>The brand under an explicit name and place (BK-03: brand_key/brandKey × query/form).</summary>
    public static BrandPresentation As(string brand, string name, ParameterPlace place) =>
        new([new BrandPlacement(brand, name, place)], $"brand {brand} as {new BrandParameter(name, place)}");

    /// <summary>One brand in the query and another in the form body, under the configured name (BK-04).</summary>
    public static BrandPresentation Conflicting(string inQuery, string inForm) =>
        new([new BrandPlacement(inQuery, Place: ParameterPlace.Query), new BrandPlacement(inForm, Place: ParameterPlace.Form)],
            $"brand {inQuery} in the query and {inForm} in the form body");

    /// <summary>The configured brand parameter twice, in the configured place (BK-04).</summary>
    public static BrandPresentation Duplicated(string first, string second) =>
        new([new BrandPlacement(first), new BrandPlacement(second)], $"the brand parameter twice ({first}, {second})");

    /// <summary>Both documented names at once, each in the configured place.</summary>
    public static BrandPresentation BothNames(string brand) =>
        new([new BrandPlacement(brand, BrandParameter.SnakeCase), new BrandPlacement(brand, BrandParameter.CamelCase)],
            $"brand {brand} as both brand_key and brandKey");

    /// <summary>The brand when the presentation names exactly one, else null.</summary>
    public string? SingleBrand => Placements.Select(p => p.Value).Distinct().Count() == 1 ? Placements[0].Value : null;

    public override string ToString() => Description;
}
