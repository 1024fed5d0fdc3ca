using NUnit.Framework;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>
/// The one test that carries the preflight's verdict in JUnit and TRX: when the environment is unusable or the
/// target unreachable, CI shows this single failure with its reason, and the scenarios as not run. Selected
/// with every tag filter (run-tests.ps1 adds its category), since the preflight runs with every selection.
/// </summary>
[TestFixture]
[Category(Category)]
public sealed class PreflightVerdict
{
    public const string Category = "preflight";

    [Test]
    public void The_environment_is_valid_and_the_target_issues_a_first_token()
    {
        if (RunHooks.AbortReason is { } reason)
            Assert.Fail(reason);
    }
}
