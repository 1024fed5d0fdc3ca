namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>One way of sending the brand at the token endpoint: its name and where it travels.</summary>
public sealed record BrandForm(string Name, string Place)
{
    /// <summary>
    /// The four forms the vendor's pages use, in the order a file would prefer them when several are accepted: the
    /// brand page's own form (brand_key in the query) first, then the body (RFC 6749 §3.2), then the camel-case name.
    /// </summary>
    public static IReadOnlyList<BrandForm> All { get; } =
    [
        new("brand_key", "query"),
        new("brand_key", "form"),
        new("brandKey", "query"),
        new("brandKey", "form"),
    ];

    public override string ToString() => $"{Name} in the {(Place == "query" ? "query" : "form body")}";
}
