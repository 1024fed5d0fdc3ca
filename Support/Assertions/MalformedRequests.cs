using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// ER-06: malformed requests never cause a server error. RFC 6749 §3.2: unknown parameters MUST be ignored, so a valid
/// request with padding or an odd address may get its token; a server (or the proxy in front of it, in its own format)
/// may also refuse it. A 5xx is never allowed.
/// </summary>
public static class MalformedRequests
{
    public static void CheckTokenOrClientError(ApiResponse answer)
    {
        if (answer.IssuedToken)
            return;
        answer.Should().BeClientError();
    }
}
