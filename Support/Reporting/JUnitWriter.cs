using System.Globalization;
using System.Xml;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// junit.xml as CI systems read it: one testsuite for the assembly, one testcase per test named as in the feature
/// file, classed by feature; the failure carries the message then the stack trace, the test's output in system-out.
/// </summary>
public static class JUnitWriter
{
    public static void Write(string path, string suiteName, IReadOnlyList<CiTestCase> cases, DateTimeOffset started)
    {
        using var xml = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, CheckCharacters = false });
        xml.WriteStartElement("testsuites");
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", suiteName);
        xml.WriteAttributeString("tests", Count(cases, _ => true));
        xml.WriteAttributeString("skipped", Count(cases, c => c.Outcome == CiOutcome.NotExecuted));
        xml.WriteAttributeString("failures", Count(cases, c => c.Outcome == CiOutcome.Failed));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(cases.Sum(c => c.Duration.Ticks))));
        xml.WriteAttributeString("timestamp", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", Environment.MachineName);
        xml.WriteAttributeString("id", "0");
        xml.WriteAttributeString("package", suiteName);
        xml.WriteElementString("properties", "");
        foreach (var test in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", test.ClassName);
            xml.WriteAttributeString("name", test.Name);
            xml.WriteAttributeString("time", Seconds(test.Duration));
            switch (test.Outcome)
            {
                case CiOutcome.Failed:
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", "failure");
                    xml.WriteAttributeString("message", test.Message ?? "");
                    xml.WriteString(string.Join(Environment.NewLine, new[] { test.Message, test.StackTrace }.Where(s => !string.IsNullOrEmpty(s))));
                    xml.WriteEndElement();
                    break;
                case CiOutcome.NotExecuted:
                    xml.WriteStartElement("skipped");
                    if (test.Message is not null)
                        xml.WriteAttributeString("message", test.Message);
                    xml.WriteEndElement();
                    break;
            }
            if (test.Output.Length > 0)
                xml.WriteElementString("system-out", test.Output);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Count(IReadOnlyList<CiTestCase> cases, Func<CiTestCase, bool> which) =>
        cases.Count(which).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0000000", CultureInfo.InvariantCulture);
}
