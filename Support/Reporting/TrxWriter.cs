using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// results.trx in Visual Studio's TeamTest schema, the shape Azure DevOps and the TRX viewers read: one
/// UnitTestResult per test with its output and error, its definition, entry and the run's counters.
/// A test's id comes from its full name, so the same scenario keeps its id from run to run.
/// </summary>
public static class TrxWriter
{
    private const string Namespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private const string UnitTestType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";
    private const string AdapterType = "executor://nunit3testexecutor/";
    private static readonly string ResultsNotInAList = "8c84fa94-04c1-424b-9868-57a2d4851a1d";
    private static readonly string AllLoadedResults = "19431567-8539-422a-85d7-44ee4e166bda";

    public static void Write(string path, string assemblyPath, IReadOnlyList<CiTestCase> cases, DateTimeOffset started, DateTimeOffset finished)
    {
        var rows = cases.Select(c => (Case: c, TestId: IdOf(c.ClassName + "." + c.Name), ExecutionId: Guid.NewGuid().ToString())).ToList();
        using var xml = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(true), CheckCharacters = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("TestRun", Namespace);
        xml.WriteAttributeString("id", Guid.NewGuid().ToString());
        xml.WriteAttributeString("name", $"@{Environment.MachineName} {finished.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}");

        xml.WriteStartElement("Times", Namespace);
        xml.WriteAttributeString("creation", Time(finished));
        xml.WriteAttributeString("queuing", Time(finished));
        xml.WriteAttributeString("start", Time(started));
        xml.WriteAttributeString("finish", Time(finished));
        xml.WriteEndElement();

        xml.WriteStartElement("Results", Namespace);
        foreach (var (test, testId, executionId) in rows)
        {
            xml.WriteStartElement("UnitTestResult", Namespace);
            xml.WriteAttributeString("executionId", executionId);
            xml.WriteAttributeString("testId", testId);
            xml.WriteAttributeString("testName", test.Name);
            xml.WriteAttributeString("computerName", Environment.MachineName);
            xml.WriteAttributeString("duration", test.Duration.ToString(@"hh\:mm\:ss\.fffffff", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("startTime", Time(test.Start));
            xml.WriteAttributeString("endTime", Time(test.End));
            xml.WriteAttributeString("testType", UnitTestType);
            xml.WriteAttributeString("outcome", test.Outcome switch
            {
                CiOutcome.Passed => "Passed",
                CiOutcome.NotExecuted => "NotExecuted",
                _ => "Failed",
            });
            xml.WriteAttributeString("testListId", ResultsNotInAList);
            xml.WriteAttributeString("relativeResultsDirectory", executionId);
            if (test.Output.Length > 0 || test.Message is not null)
            {
                xml.WriteStartElement("Output", Namespace);
                if (test.Output.Length > 0)
                    xml.WriteElementString("StdOut", Namespace, test.Output);
                if (test.Message is not null)
                {
                    xml.WriteStartElement("ErrorInfo", Namespace);
                    xml.WriteElementString("Message", Namespace, test.Message);
                    if (test.StackTrace is not null)
                        xml.WriteElementString("StackTrace", Namespace, test.StackTrace);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("TestDefinitions", Namespace);
        foreach (var (test, testId, executionId) in rows)
        {
            xml.WriteStartElement("UnitTest", Namespace);
            xml.WriteAttributeString("name", test.Name);
            xml.WriteAttributeString("storage", assemblyPath.ToLowerInvariant());
            xml.WriteAttributeString("id", testId);
            xml.WriteStartElement("Execution", Namespace);
            xml.WriteAttributeString("id", executionId);
            xml.WriteEndElement();
            xml.WriteStartElement("TestMethod", Namespace);
            xml.WriteAttributeString("codeBase", assemblyPath);
            xml.WriteAttributeString("adapterTypeName", AdapterType);
            xml.WriteAttributeString("className", test.ClassName);
            xml.WriteAttributeString("name", test.Name);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("TestEntries", Namespace);
        foreach (var (_, testId, executionId) in rows)
        {
            xml.WriteStartElement("TestEntry", Namespace);
            xml.WriteAttributeString("testId", testId);
            xml.WriteAttributeString("executionId", executionId);
            xml.WriteAttributeString("testListId", ResultsNotInAList);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("TestLists", Namespace);
        foreach (var (name, id) in new[] { ("Results Not in a List", ResultsNotInAList), ("All Loaded Results", AllLoadedResults) })
        {
            xml.WriteStartElement("TestList", Namespace);
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("id", id);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        var failed = cases.Count(c => c.Outcome == CiOutcome.Failed);
        var passed = cases.Count(c => c.Outcome == CiOutcome.Passed);
        xml.WriteStartElement("ResultSummary", Namespace);
        xml.WriteAttributeString("outcome", failed > 0 ? "Failed" : "Completed");
        xml.WriteStartElement("Counters", Namespace);
        foreach (var (name, value) in new[]
                 {
                     ("total", cases.Count), ("executed", passed + failed), ("passed", passed), ("failed", failed), ("error", 0),
                     ("timeout", 0), ("aborted", 0), ("inconclusive", 0), ("passedButRunAborted", 0), ("notRunnable", 0),
                     ("notExecuted", 0), ("disconnected", 0), ("warning", 0), ("completed", 0), ("inProgress", 0), ("pending", 0),
                 })
            xml.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>A stable GUID per test name (as VSTest derives its test ids from the fully qualified name).</summary>
    private static string IdOf(string fullName) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(fullName)).AsSpan(0, 16)).ToString();
}
