using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// BK-04: a request naming two brands is refused, or its token is bound to one of them only (the catalogue accepts
/// a server that reads one of the two values): a token that reads both brands' data is bound to neither.
/// </summary>
public static class BrandBinding
{
    public static void CheckRefused(ApiResponse answer) =>
        answer.Should().BeClientError("a request naming two brands is refused, unless its token is bound to one of them only");

    /// <param name="home">the token reading the home brand's data under the home brand's header.</param>
    /// <param name="other">the same token reading the other brand's data under the other brand's header.</param>
    public static void CheckBoundToOne(ApiResponse home, ApiResponse other) =>
        (home.IsSuccess && other.IsSuccess).Should().BeFalse(
            "a token issued to a request naming two brands may read one brand's data only, but it read both: {0}; {1}", home.Describe(), other.Describe());
}
