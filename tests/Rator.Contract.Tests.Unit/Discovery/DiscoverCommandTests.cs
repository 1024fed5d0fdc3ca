using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Discovery;

namespace Rator.Contract.Tests.Unit.Discovery;

/// <summary>The discover command's refusals, all before any request (the end-to-end tests run it against the sandbox).</summary>
public sealed class DiscoverCommandTests
{
    private static readonly DiscoverCommand Command = new(TextWriter.Null, TextWriter.Null, _ => "set");

    private static string NewFile() => Path.Combine(Path.GetTempPath(), $"rator-discover-{Guid.NewGuid():N}.json");

    [TestCase("http://staging.example.com/rator", "*clear text*")]
    [TestCase("staging.example.com/rator", "*not an absolute http*")]
    [TestCase("https://staging.example.com/rator?debug=1", "*without query*")]
    [TestCase("", "*needs --file NEW.json and --base-url URL*")]
    public async Task A_base_url_it_cannot_use_is_refused(string baseUrl, string message)
    {
        var act = () => Command.RunAsync(NewFile(), baseUrl);

        await act.Should().ThrowAsync<DiscoveryUsageException>().WithMessage(message);
    }

    [Test]
    public async Task An_existing_file_is_refused()
    {
        var file = NewFile();
        await File.WriteAllTextAsync(file, "{}");
        try
        {
            var act = () => Command.RunAsync(file, "https://staging.example.com/rator");

            await act.Should().ThrowAsync<DiscoveryUsageException>().WithMessage("*never overwrites*");
            (await File.ReadAllTextAsync(file)).Should().Be("{}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
