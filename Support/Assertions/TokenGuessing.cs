using FluentAssertions;
using Rator.Contract.Tests.Support.Actors;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>SH-07: guessing tokens at the resources gets nothing (RFC 6819 §4.6.3): every made-up token of a burst is refused or throttled.</summary>
public static class TokenGuessing
{
    public static void CheckEveryGuessRefused(Answers answers) =>
        answers.Batch.Where(a => a.StatusCode is not (401 or 429)).Select(a => a.Describe()).Should().BeEmpty(
            "a guessed token is refused with 401 (or throttled with 429), never served (RFC 6819 §4.6.3)");
}
