using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// BK-04: a request naming two brands is refused, or its token is bound to one of them only (the catalogue accepts
/// a server that reads one of the two values): a token that reads both brands' data is bound to neither. BK-08: a
/// renewal keeps the token to its brand.
/// </summary>
public static class BrandBinding
{
    public static void CheckRefused(ApiResponse answer) =>
        answer.Should().BeClientError("a request naming two brands is refused, unless its token is bound to one of them only");

    /// <summary>
    /// BK-08: renewing a token never moves it to another brand: a renewal naming another brand is refused, or the renewed
    /// token still reads nothing of that brand; <paramref name="readOtherBrand"/> (the renewed token reading the other brand's data) runs only when a token came.
    /// </summary>
    public static async Task CheckRenewalStaysInBrandAsync(ApiResponse renewal, Func<Task<ApiResponse>> readOtherBrand)
    {
        if (!renewal.IssuedToken)
        {
            renewal.Should().BeClientError("a renewal naming another brand is refused");
            return;
        }
        ResourceRefusal.CheckNoData(await readOtherBrand());
    }

    /// <summary>
    /// BK-04 over the answer to a request naming two brands; <paramref name="readBoth"/> (the token issued reading the
    /// home brand's data, then the other brand's) runs only when a token came.
    /// </summary>
    public static async Task CheckRefusedOrBoundToOneAsync(ApiResponse answer, Func<Task<(ApiResponse Home, ApiResponse Other)>> readBoth)
    {
        if (!answer.IssuedToken)
        {
            CheckRefused(answer);
            return;
        }
        var (home, other) = await readBoth();
        CheckBoundToOne(home, other);
    }

    /// <param name="home">the token reading the home brand's data under the home brand's header.</param>
    /// <param name="other">the same token reading the other brand's data under the other brand's header.</param>
    public static void CheckBoundToOne(ApiResponse home, ApiResponse other) =>
        (home.IsSuccess && other.IsSuccess).Should().BeFalse(
            "a token issued to a request naming two brands may read one brand's data only, but it read both: {0}; {1}", home.Describe(), other.Describe());
}
