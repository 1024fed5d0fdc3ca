using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Runner;

public sealed class ReportLocationTests
{
    [Test]
    public void Points_both_Reqnroll_formatters_into_the_report_folder()
    {
        var json = JsonDocument.Parse(ReportLocation.FormattersOverride("/runs/2026-11-27 \"nightly\"")).RootElement;

        var formatters = json.GetProperty("formatters");
        formatters.GetProperty("html").GetProperty("outputFilePath").GetString()
            .Should().Be("/runs/2026-11-27 \"nightly\"/living-documentation.html");
        formatters.GetProperty("message").GetProperty("outputFilePath").GetString()
            .Should().Be("/runs/2026-11-27 \"nightly\"/cucumber-messages.ndjson");
    }
}
