using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

/// <summary>JUnit and TRX written from the run's own results: one case per test, named and classed as CI shows them.</summary>
public sealed class CiReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly CiTestCase[] Cases =
    [
        Case("Tokens are renewed — A refresh token past its validity buys nothing", CiOutcome.Passed),
        Case("Passwords — A wrong password is refused", CiOutcome.Failed, "Expected status 401, but the deployment answered 200 OK", "   at Steps.Then()"),
        Case("Passwords — The password grant is not offered", CiOutcome.NotExecuted, "Not applicable: password grant not offered"),
        Case("Passwords — An undefined step", CiOutcome.Failed, "No matching step definition"),
    ];

    private string dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(dir = Path.Combine(Path.GetTempPath(), "rator-ci-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(dir, recursive: true);

    [Test]
    public void JUnit_has_one_testcase_per_test_with_its_outcome_message_and_output()
    {
        var path = Path.Combine(dir, "junit.xml");
        JUnitWriter.Write(path, "Rator.Contract.Tests.dll", Cases, Start);

        var suite = XDocument.Load(path).Root!.Element("testsuite")!;
        ((int)suite.Attribute("tests")!, (int)suite.Attribute("failures")!, (int)suite.Attribute("errors")!, (int)suite.Attribute("skipped")!)
            .Should().Be((4, 2, 0, 1), "an error is a failure, as VSTest reported it");
        var cases = suite.Elements("testcase").ToList();
        cases.Select(c => (string)c.Attribute("name")!).Should().Equal(Cases.Select(c => c.Name));
        cases.Should().OnlyContain(c => (string)c.Attribute("classname")! == "Rator.Contract.Tests.Features.Passwords");
        var failure = cases[1].Element("failure")!;
        ((string)failure.Attribute("message")!).Should().Be("Expected status 401, but the deployment answered 200 OK");
        failure.Value.Should().Contain("at Steps.Then()");
        cases[2].Element("skipped").Should().NotBeNull();
        cases[3].Element("failure").Should().NotBeNull();
        cases[0].Element("system-out")!.Value.Should().Be("Given a customer\n");
        ((double)cases[0].Attribute("time")!).Should().Be(1.5);
    }

    [Test]
    public void TRX_has_one_result_and_definition_per_test_with_stable_ids_and_the_counters()
    {
        var first = Path.Combine(dir, "first.trx");
        var second = Path.Combine(dir, "second.trx");
        TrxWriter.Write(first, "/suite/Rator.Contract.Tests.dll", Cases, Start, Start.AddSeconds(9));
        TrxWriter.Write(second, "/suite/Rator.Contract.Tests.dll", Cases, Start, Start.AddSeconds(9));

        var trx = XDocument.Load(first);
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var results = trx.Descendants(ns + "UnitTestResult").ToList();
        results.Select(r => (string)r.Attribute("testName")!).Should().Equal(Cases.Select(c => c.Name));
        results.Select(r => (string)r.Attribute("outcome")!).Should().Equal("Passed", "Failed", "NotExecuted", "Failed");
        results[1].Descendants(ns + "Message").Single().Value.Should().Contain("Expected status 401");
        trx.Descendants(ns + "UnitTest").Should().HaveCount(4);
        trx.Descendants(ns + "TestMethod").Should().OnlyContain(m => (string)m.Attribute("className")! == "Rator.Contract.Tests.Features.Passwords");
        var counters = trx.Descendants(ns + "Counters").Single();
        ((int)counters.Attribute("total")!, (int)counters.Attribute("passed")!, (int)counters.Attribute("failed")!).Should().Be((4, 1, 2));
        ((string)trx.Descendants(ns + "ResultSummary").Single().Attribute("outcome")!).Should().Be("Failed");

        var ids = XDocument.Load(second).Descendants(ns + "UnitTestResult").Select(r => (string)r.Attribute("testId")!);
        ids.Should().Equal(results.Select(r => (string)r.Attribute("testId")!), "a scenario keeps its test id from run to run");
    }

    private static CiTestCase Case(string name, CiOutcome outcome, string? message = null, string? stackTrace = null) =>
        new("Rator.Contract.Tests.Features.Passwords", name, outcome, Start, Start.AddSeconds(1.5), message, stackTrace, outcome == CiOutcome.Passed ? "Given a customer\n" : "");
}
