using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

public sealed class ConsoleSummaryTests
{
    private const string LongExpectation =
        "Expected no token to be issued for the password grant for customer alice.b1 of BRAND1 " +
        "(brand BRAND1; primary client rator-web by Basic; parameters in the query; sent as GET)";

    [Test]
    public void A_long_expectation_is_cut_before_the_answer_so_the_answer_stays_readable()
    {
        var line = FailureLine(LongExpectation + ", but the deployment answered no response: the connection to 127.0.0.1:5999 was refused");

        line.Should().Contain("but the deployment answered no response: the connection to 127.0.0.1:5999 was refused")
            .And.Contain("Expected no token to be issued");
        line.Length.Should().BeLessThan(260, "one line, whatever the message");
    }

    [Test]
    public void A_long_answer_is_cut_too_and_a_short_message_is_left_whole()
    {
        FailureLine(LongExpectation + ", but the deployment answered 200 OK, body: " + new string('x', 500))
            .Should().Contain("…, but the deployment answered 200 OK, body: xxx").And.EndWith("…");
        FailureLine("Expected status 403, but the deployment answered 200 OK")
            .Should().EndWith(": Expected status 403, but the deployment answered 200 OK");
    }

    private static string FailureLine(string message)
    {
        var result = SampleResults.Scenario("Credentials in the query", Verdicts.Failed, "PW-07") with
        {
            Message = "Step failed: Then no token is issued\n" + message,
        };
        var output = new StringWriter();
        new ConsoleSummary(output).Print(null, [result], ComplianceMatrix.Build(RequirementCatalogue.Default, [result], null), [], 1, "reports");
        return output.ToString().Split(Environment.NewLine).Single(l => l.StartsWith("  [PW-07]", StringComparison.Ordinal));
    }
}
