using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>The "no stack trace" judgement the other tests rely on: it must see one, and must not see one in plain messages.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ConsoleJudgementTests
{
    [TestCase("   at Rator.Contract.Tests.Support.Hooks.Preflight.CheckAsync(EnvironmentProfile profile) in /work/main/Support/Hooks/Preflight.cs:line 31")]
    [TestCase("   at System.Threading.Tasks.Task`1.get_Result()")]
    [TestCase("Unhandled exception. System.InvalidOperationException: Sequence contains no elements")]
    [TestCase("System.Net.Http.HttpRequestException: Connection refused (127.0.0.1:9)")]
    [TestCase("--- End of stack trace from previous location ---")]
    [TestCase("At /work/main/run-tests.ps1:57 char:5")]
    [TestCase("    + CategoryInfo          : NotSpecified: (:) [], RuntimeException")]
    [TestCase("Line |")]
    public void A_stack_trace_line_is_seen(string line) =>
        Console(line).StackTraceLines.Should().ContainSingle();

    [TestCase("The target http://127.0.0.1:9/rator/oauth/token could not be reached: connection refused by 127.0.0.1:9: nothing listens there")]
    [TestCase("  [PW-01] Customers sign in with their password — A customer signs in: Expected status 200, but the deployment answered no response: no answer within 2 s (the request timeout, requestTimeoutSeconds).")]
    [TestCase("  - variable E2E_MISSING_ALPHA is not set or empty (referenced at $.clients.primary.secret)")]
    [TestCase("Tag expression '@PW-01 and (' ends where a tag was expected.")]
    [TestCase("  at most twice (every attempt recorded)")]
    public void A_readable_message_is_not_a_stack_trace(string line) =>
        Console(line).StackTraceLines.Should().BeEmpty();

    private static ScriptResult Console(string text) => new(0, text, "", text + "\n", TimeSpan.Zero, "", "");
}
