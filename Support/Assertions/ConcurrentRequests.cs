using FluentAssertions;
using Rator.Contract.Tests.Support.Actors;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>SH-06: concurrent requests do not break the token service: every one of a burst is answered, never with a server error.</summary>
public static class ConcurrentRequests
{
    public static void CheckNoServerError(Answers answers) =>
        answers.Batch.Where(a => !a.Answered || a.IsServerError).Select(a => a.Describe()).Should().BeEmpty(
            "concurrent requests are answered, each with a token or a clean refusal, never a server error");
}
