using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// TE-07's wording: RFC 6749 §3.2 forbids the client to repeat a parameter and §5.2 names the refusal invalid_request;
/// a server that reads the first value instead serves the request as if the parameter were named once, which the
/// catalogue accepts (many servers do, and the rule binds the client).
/// </summary>
public static class RepeatedParameters
{
    public static void CheckRefusedOrServedOnce(ApiResponse answer, string refusal)
    {
        if (answer.IssuedToken)
            return;
        answer.Should().BeRefusedWith([refusal], "a repeated parameter makes a malformed request (RFC 6749 §3.2, §5.2), unless the server reads its first value");
    }
}
