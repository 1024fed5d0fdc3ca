using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Cli;

namespace Rator.Contract.Tests.Unit.Cli;

/// <summary>The build check run-tests.ps1 relies on instead of MSBuild's: every change to an input makes the stamp stale.</summary>
public sealed class BuildStampTests
{
    private string root = "";
    private string stamp = "";

    [SetUp]
    public void CreateRepository()
    {
        root = Path.Combine(Path.GetTempPath(), "rator-stamp-" + Guid.NewGuid().ToString("N"));
        Write("Rator.Contract.Tests.csproj", "<Project />");
        Write("reqnroll.json", "{}");
        Write("Features/Password.feature", "Feature: Passwords\n  Scenario: A customer signs in\n");
        Write("Steps/SignInSteps.cs", "class SignInSteps {}");
        Write("environments/local.json", "{}");
        Write("sandbox/Rator.Sandbox/Program.cs", "class Program {}");
        Write("README.md", "notes");
        Write("bin/Release/net10.0/Rator.Contract.Tests.dll", "built");
        Write("tests/Rator.Contract.Tests.Unit/SomeTests.cs", "class SomeTests {}");
        stamp = Path.Combine(root, "bin", BuildStamp.FileName);
        BuildStamp.Write(root, stamp);
    }

    [TearDown]
    public void RemoveRepository() => Directory.Delete(root, recursive: true);

    [Test]
    public void An_unchanged_repository_is_current() =>
        BuildStamp.FirstChange(root, stamp).Should().BeNull();

    [Test]
    public void A_changed_feature_file_makes_the_stamp_stale()
    {
        Write("Features/Password.feature", "Feature: Passwords\n  Scenario: A customer signs in again\n");

        BuildStamp.FirstChange(root, stamp).Should().Be("Features/Password.feature changed");
    }

    [Test]
    public void A_change_that_keeps_the_size_is_found_by_its_content_once_the_timestamp_moved()
    {
        var path = Write("Features/Password.feature", "Feature: Passwords\n  Scenario: A customer signs on\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        BuildStamp.FirstChange(root, stamp).Should().Be("Features/Password.feature changed");
    }

    [Test]
    public void A_timestamp_that_moved_without_a_change_keeps_the_build_current()
    {
        File.SetLastWriteTimeUtc(Path.Combine(root, "Steps/SignInSteps.cs"), DateTime.UtcNow.AddMinutes(1));

        BuildStamp.FirstChange(root, stamp).Should().BeNull();
    }

    [TestCase("Features/Renewal.feature", "Feature: Renewal\n")]
    [TestCase("sandbox/Rator.Sandbox/Tokens.cs", "class Tokens {}")]
    [TestCase("environments/staging.json", "{}")]
    [TestCase("Directory.Build.props", "<Project />")]
    public void A_new_input_makes_the_stamp_stale(string path, string text)
    {
        Write(path, text);

        BuildStamp.FirstChange(root, stamp).Should().Be($"{path} is new");
    }

    [Test]
    public void A_removed_input_makes_the_stamp_stale()
    {
        File.Delete(Path.Combine(root, "reqnroll.json"));

        BuildStamp.FirstChange(root, stamp).Should().Be("an input was removed");
    }

    [TestCase("README.md")]
    [TestCase("bin/Release/net10.0/Rator.Contract.Tests.dll")]
    [TestCase("tests/Rator.Contract.Tests.Unit/SomeTests.cs")]
    public void What_the_suite_build_does_not_read_leaves_it_current(string path)
    {
        Write(path, "changed, and longer than before");

        BuildStamp.FirstChange(root, stamp).Should().BeNull();
    }

    [Test]
    public void No_stamp_means_a_build() =>
        BuildStamp.FirstChange(root, Path.Combine(root, "none")).Should().Be("no build stamp");

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
