using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Unit.Configuration;

/// <summary>environments/environment.schema.json: the one list of keys, what the shipped files and the README say of it.</summary>
public sealed class EnvironmentSchemaTests
{
    private static string SchemaFile => Path.Combine(RepositoryEnvironments.Directory, "environment.schema.json");

    private static IEnumerable<string> ShippedFiles() =>
        Directory.EnumerateFiles(RepositoryEnvironments.Directory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Select(Path.GetFileName).OfType<string>().Order();

    [Test]
    public void The_embedded_schema_is_the_repository_file()
    {
        EnvironmentSchema.Default.Document.ToJsonString().Should().Be(JsonNode.Parse(File.ReadAllText(SchemaFile))!.ToJsonString());
    }

    [TestCaseSource(nameof(ShippedFiles))]
    public void Every_shipped_environment_file_names_the_schema_and_validates(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryEnvironments.Directory, file)));

        document.RootElement.GetProperty("$schema").GetString().Should().Be("./environment.schema.json");
        EnvironmentSchema.Default.Problems(document.RootElement).Should().BeEmpty();
    }

    [Test]
    public void The_readme_key_table_and_the_schema_list_the_same_keys()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryEnvironments.Directory, "README.md"));
        var table = readme.SkipWhile(l => l != "## Keys").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => Regex.Match(l, "^\\| `([^`]+)`").Groups[1].Value)
            .ToList();

        var schemaKeys = SchemaKeys(EnvironmentSchema.Default.Document, EnvironmentSchema.Default.Document, "").Distinct().ToList();

        table.Should().OnlyHaveUniqueItems();
        table.Should().BeEquivalentTo(schemaKeys, "the README's key table documents exactly the schema's keys");
    }

    [Test]
    public void The_schema_names_exactly_the_roles_the_suite_knows()
    {
        var schema = EnvironmentSchema.Default.Document;
        schema["properties"]!["clients"]!["properties"]!.AsObject().Select(p => p.Key)
            .Should().BeEquivalentTo(ClientRoles.All.Select(r => r.Key()));
        schema["properties"]!["principals"]!["patternProperties"]!["^[^_]"]!["properties"]!.AsObject().Select(p => p.Key)
            .Should().BeEquivalentTo(PrincipalRoles.All.Select(r => r.Key()));
    }

    [Test]
    public void Every_key_has_a_description()
    {
        var undescribed = Walk(EnvironmentSchema.Default.Document, "$").Where(x => x.Node["description"] is null && x.Node["$ref"] is null)
            .Select(x => x.Path).ToList();
        undescribed.Should().BeEmpty();
    }

    [Test]
    public void A_second_validator_agrees_on_a_valid_and_an_invalid_file()
    {
        var python = FindOnPath("python3");
        if (python is null || Run(python, "-c", "import jsonschema").Code != 0)
        {
            Assert.Ignore("python3 with jsonschema is not installed (apt-get install -y python3-jsonschema): the editor-style cross-check cannot run");
        }

        var tool = Path.Combine(RepositoryEnvironments.Directory, "..", "tools", "schema", "check-environment.py");
        var folder = Directory.CreateTempSubdirectory("rator-schema-");
        try
        {
            var valid = Path.Combine(RepositoryEnvironments.Directory, "staging.example.json");
            var invalidJson = File.ReadAllText(valid)
                .Replace("\"place\": \"query\"", "\"place\": \"header\"")
                .Replace("\"requestTimeoutSeconds\": 30", "\"requestTimeoutSeconds\": 0, \"requestTimeout\": 30");
            var invalid = Path.Combine(folder.FullName, "invalid.json");
            File.WriteAllText(invalid, invalidJson);

            Run(python, tool, valid).Code.Should().Be(0, "Python's jsonschema finds the template valid, as the loader does");
            var rejected = Run(python, tool, invalid);
            rejected.Code.Should().Be(1);
            rejected.Output.Should().Contain("$.tokenEndpoint.brandParameter.place").And.Contain("$.requestTimeoutSeconds").And.Contain("requestTimeout'");

            using var document = JsonDocument.Parse(invalidJson);
            EnvironmentSchema.Default.Problems(document.RootElement).Select(p => p[..p.IndexOf(':')])
                .Should().BeEquivalentTo(["$.tokenEndpoint.brandParameter.place", "$.requestTimeoutSeconds", "$.requestTimeout"],
                    "both validators find the same three problems");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Dotted keys as the README writes them: role maps as &lt;role&gt;, brand maps as &lt;BRAND&gt;.</summary>
    private static IEnumerable<string> SchemaKeys(JsonNode root, JsonNode node, string prefix)
    {
        node = Resolve(root, node);
        if (node["properties"] is null && node["then"] is { } then) // an object that may be null: its shape is in then
        {
            node = Resolve(root, then);
        }

        var properties = node["properties"]?.AsObject();
        var brandMap = node["patternProperties"]?["^[^_]"];
        if (properties is null && brandMap is null)
        {
            yield return prefix;
            yield break;
        }

        var roleMap = prefix is "clients" or "principals.<BRAND>";
        foreach (var (name, child) in properties ?? [])
        {
            var key = roleMap ? "<role>" : name;
            foreach (var leaf in SchemaKeys(root, child!, prefix.Length == 0 ? key : $"{prefix}.{key}"))
                yield return leaf;
        }

        if (brandMap is not null)
        {
            foreach (var leaf in SchemaKeys(root, brandMap, $"{prefix}.<BRAND>"))
                yield return leaf;
        }
    }

    private static IEnumerable<(string Path, JsonNode Node)> Walk(JsonNode node, string path)
    {
        foreach (var (name, child) in node["properties"]?.AsObject() ?? [])
        {
            yield return ($"{path}.{name}", child!);
            foreach (var inner in Walk(child!, $"{path}.{name}"))
                yield return inner;
        }

        foreach (var (name, child) in node["$defs"]?.AsObject() ?? [])
        {
            foreach (var inner in Walk(child!, $"{path}.$defs.{name}"))
                yield return inner;
        }
    }

    private static JsonNode Resolve(JsonNode root, JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference
            ? reference.TrimStart('#', '/').Split('/').Aggregate(root, (n, s) => n[s]!)
            : node;

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static (int Code, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(30_000).Should().BeTrue("the check ends by itself");
        return (process.ExitCode, output.Result + error.Result);
    }
}
