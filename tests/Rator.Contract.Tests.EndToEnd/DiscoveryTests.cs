using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;
using Rator.Sandbox;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// Discovery: `run-tests.ps1 -Discover NEW.json -BaseUrl URL` against the sandbox started alone, given only
/// its bare origin. The drafted file's choices are judged against what the sandbox says a file should declare for its
/// variants (SandboxHost.Declaration) and against local.json, and the suite run against the drafted file passes.
/// </summary>
public sealed class DiscoveryTests : EndToEndTest
{
    private static readonly JsonObject Local = EnvironmentFiles.Local();

    [Test]
    public async Task Against_the_plain_sandbox_the_drafted_file_makes_local_json_choices_and_the_suite_passes_against_it()
    {
        var scratch = NewScratch("discover-plain");
        await using var sandbox = await StandaloneSandbox.StartAsync();
        var file = scratch.File("discovered.json");

        var discovery = await WithAccounts(Script(scratch, "-Discover", file, "-BaseUrl", sandbox.Origin)).RunAsync();

        discovery.ShouldExitWith(0).ShouldShowNoStackTrace();
        discovery.ConsoleLines.Should().Contain(l => l.Contains($"dotnet pwsh ./run-tests.ps1 -Environment {file}", StringComparison.Ordinal),
            "the console ends with the command to run next; {0}", discovery);
        var drafted = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        ShouldFollow(drafted, await DeclarationOf([]), sandbox);

        var endpoint = Local["tokenEndpoint"]!;
        var tokenEndpoint = drafted["tokenEndpoint"]!;
        tokenEndpoint["brandParameter"]!["name"]!.GetValue<string>().Should().Be(endpoint["brandParameter"]!["name"]!.GetValue<string>());
        tokenEndpoint["brandParameter"]!["place"]!.GetValue<string>().Should().Be(endpoint["brandParameter"]!["place"]!.GetValue<string>());
        foreach (var key in (string[])["refreshTokenRotation", "accessTokenRevokedOnRefresh", "operatorGrantType"])
            tokenEndpoint[key]!.ToJsonString().Should().Be(endpoint[key]!.ToJsonString(), "local.json declares {0} so", key);
        tokenEndpoint["clientCredentials"]!.ToJsonString().Should().Contain("\"offered\":true").And.Contain($"\"operator\":{endpoint["clientCredentials"]!["operator"]!.ToJsonString()}");
        Statuses(tokenEndpoint["brandRejectionStatus"]).Should().NotBeEmpty().And.BeSubsetOf(Statuses(endpoint["brandRejectionStatus"]));
        Statuses(drafted["resources"]!["brandRejectionStatus"]).Should().NotBeEmpty().And.BeSubsetOf(Statuses(Local["resources"]!["brandRejectionStatus"]));

        var run = await WithAccounts(Script(NewScratch("discover-run"), "-Environment", file)).RunAsync();

        run.ShouldExitWith(0).ShouldShowNoStackTrace();
        using var summary = run.ReadJson("summary.json");
        var counts = summary.RootElement.GetProperty("counts");
        counts.GetProperty("failed").GetInt32().Should().Be(0, "no choice was guessed wrong; {0}", run);
        counts.GetProperty("skipped").GetInt32().Should().BeGreaterThan(0, "the roles discovery cannot know are undeclared, so their scenarios are SKIPPED");
        counts.GetProperty("passed").GetInt32().Should().BeGreaterThan(50, "the roles discovery declared carry most of the suite");
    }

    [TestCase("brand-key-camel-case", "no-refresh-rotation")]
    [TestCase("form-only-parameters", "access-token-kept-on-refresh", "resource-brand-refusals")]
    public async Task With_variants_that_change_the_declared_choices_the_drafted_file_follows_them_and_the_suite_passes(params string[] variants)
    {
        var scratch = NewScratch("discover-variants");
        await using var sandbox = await StandaloneSandbox.StartAsync(variants);
        var file = scratch.File("discovered.json");

        var discovery = await WithAccounts(Script(scratch, "-Discover", file, "-BaseUrl", sandbox.Listening.AbsoluteUri)).RunAsync();

        discovery.ShouldExitWith(0).ShouldShowNoStackTrace();
        var declaration = await DeclarationOf(variants);
        ShouldFollow(JsonNode.Parse(File.ReadAllText(file))!.AsObject(), declaration, sandbox);
        declaration.Should().NotBeEquivalentTo(await DeclarationOf([]), "the variants change what a file declares, so following them is a real test");

        var run = await WithAccounts(Script(NewScratch("discover-variants-run"), "-Environment", file)).RunAsync();

        run.ShouldExitWith(0).ShouldShowNoStackTrace();
    }

    [Test]
    public async Task An_existing_file_is_never_overwritten_and_nothing_is_sent()
    {
        var scratch = NewScratch("discover-existing");
        await using var target = new FakeTarget(Hostility.IssuesTokens);
        var file = scratch.Write("staging.json", "{ \"mine\": true }");

        var run = await WithAccounts(Script(scratch, "-Discover", file, "-BaseUrl", target.BaseUrl)).RunAsync();

        run.ShouldExitWith(2).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage(file, "never overwrites");
        File.ReadAllText(file).Should().Be("{ \"mine\": true }");
        target.Connections.Should().Be(0, "nothing is sent before the arguments are known to be usable");
    }

    [Test]
    public async Task Missing_variables_are_named_without_values_and_nothing_is_sent()
    {
        var scratch = NewScratch("discover-variables");
        await using var target = new FakeTarget(Hostility.IssuesTokens);

        var run = await Script(scratch, "-Discover", scratch.File("new.json"), "-BaseUrl", target.BaseUrl)
            .WithVariable("RATOR_DISCOVER_CLIENT_ID", "rator-web").WithVariable("RATOR_DISCOVER_CLIENT_SECRET", "Zq-Secret-Value-91").RunAsync();

        run.ShouldExitWith(2).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("RATOR_DISCOVER_BRAND", "RATOR_DISCOVER_USERNAME", "RATOR_DISCOVER_PASSWORD");
        run.Console.Should().NotContain("Zq-Secret-Value-91");
        File.Exists(scratch.File("new.json")).Should().BeFalse();
        target.Connections.Should().Be(0);
    }

    [Test]
    public async Task An_unreachable_deployment_ends_with_3_and_writes_nothing()
    {
        var scratch = NewScratch("discover-unreachable");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await WithAccounts(Script(scratch, "-Discover", scratch.File("new.json"), "-BaseUrl", $"http://127.0.0.1:{port}/rator")).RunAsync();

        run.ShouldExitWith(3).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("cannot be reached", "nothing was written");
        File.Exists(scratch.File("new.json")).Should().BeFalse();
    }

    [Test]
    public async Task Over_https_an_untrusted_ca_is_named_with_the_variable_to_set_and_with_it_the_draft_trusts_the_ca_as_tls_ca_file()
    {
        var scratch = NewScratch("discover-https");
        await using var target = await HttpsTarget.StartAsync(scratch);
        var origin = target.Host.BaseUrl.GetLeftPart(UriPartial.Authority);

        var refused = await WithAccounts(Script(scratch, "-Discover", scratch.File("refused.json"), "-BaseUrl", origin)).RunAsync();

        refused.ShouldExitWith(3).ShouldShowNoStackTrace();
        refused.ShouldShowOneMessage("nothing was written", "is issued by CN=Rator Sandbox CA", "set RATOR_DISCOVER_CA_FILE");
        File.Exists(scratch.File("refused.json")).Should().BeFalse();

        var file = scratch.File("discovered.json");
        var discovery = await WithAccounts(Script(scratch, "-Discover", file, "-BaseUrl", origin))
            .WithVariable("RATOR_DISCOVER_CA_FILE", target.CaFile).RunAsync();

        discovery.ShouldExitWith(0).ShouldShowNoStackTrace();
        var tls = JsonNode.Parse(File.ReadAllText(file))!["tls"]!;
        tls["caFile"]!.GetValue<string>().Should().Be(target.CaFile, "the run that follows reaches the deployment as discovery did");
        tls["_todo"]!.ToJsonString().Should().Contain("plainHttpBaseUrl", "on a port other than 443 the plain-HTTP address cannot be guessed");
    }

    /// <summary>The drafted file declares what the sandbox says a file should for its variants, with its evidence, and no secret.</summary>
    private static void ShouldFollow(JsonObject drafted, SandboxDeclaration declaration, StandaloneSandbox sandbox)
    {
        var text = drafted.ToJsonString();
        drafted["$schema"]!.GetValue<string>().Should().EndWith("environments/environment.schema.json");
        drafted["target"]!["baseUrl"]!.GetValue<string>().Should().Be(sandbox.Listening.AbsoluteUri.TrimEnd('/'), "the app context is found when the URL lacks it");
        var tokenEndpoint = drafted["tokenEndpoint"]!;
        tokenEndpoint["brandParameter"]!["name"]!.GetValue<string>().Should().Be(declaration.BrandParameterName);
        tokenEndpoint["brandParameter"]!["place"]!.GetValue<string>().Should().Be(declaration.BrandParameterPlace);
        tokenEndpoint["refreshTokenRotation"]!.GetValue<bool>().Should().Be(declaration.RefreshTokenRotation);
        tokenEndpoint["accessTokenRevokedOnRefresh"]!.GetValue<bool>().Should().Be(declaration.AccessTokenRevokedOnRefresh);
        tokenEndpoint["clientCredentials"]!["offered"]!.GetValue<bool>().Should().Be(declaration.ClientCredentialsOffered);
        tokenEndpoint["operatorGrantType"]!.GetValue<string>().Should().Be(declaration.OperatorGrantType);
        Statuses(tokenEndpoint["brandRejectionStatus"]).Should().NotBeEmpty().And.BeSubsetOf(declaration.TokenEndpointBrandRejectionStatus);
        Statuses(drafted["resources"]!["brandRejectionStatus"]).Should().NotBeEmpty().And.BeSubsetOf(declaration.ResourceBrandRejectionStatus);
        var primary = declaration.Clients.Single(c => c.ClientId == Local["clients"]!["primary"]!["id"]!.GetValue<string>());
        drafted["clients"]!["primary"]!["accessTokenValiditySeconds"]!.GetValue<int>().Should().Be(primary.AccessTokenValiditySeconds);

        var found = tokenEndpoint["_found"]!.AsObject().Select(p => p.Key).ToList();
        found.Should().Contain(["brandParameter", "refreshTokenRotation", "accessTokenRevokedOnRefresh", "brandRejectionStatus", "operatorGrantType"],
            "each finding carries its evidence");
        tokenEndpoint["_found"]!["brandParameter"]!.GetValue<string>().Should().Contain("→", "the note says what came back");
        drafted["clients"]!["_todo"]!.AsArray().Should().NotBeEmpty("the roles discovery cannot know are listed");
        drafted["clients"]!["primary"]!["secret"]!.GetValue<string>().Should().Be("${RATOR_DISCOVER_CLIENT_SECRET}");
        foreach (var secret in Secrets())
            text.Should().NotContain(secret, "secrets are written as variable references, never values");
    }

    private static async Task<SandboxDeclaration> DeclarationOf(string[] variants)
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Variants = variants });
        return host.Declaration;
    }

    private static List<int> Statuses(JsonNode? list) => list!.AsArray().Select(n => n!.GetValue<int>()).ToList();

    private static IEnumerable<string> Secrets() =>
    [
        Local["clients"]!["primary"]!["secret"]!.GetValue<string>(),
        Customer()["password"]!.GetValue<string>(),
        Operator()["password"]!.GetValue<string>(),
    ];

    private static JsonNode Customer() => Local["principals"]![Local["brands"]!["primary"]!.GetValue<string>()]!["customer"]!;

    private static JsonNode Operator() => Local["principals"]![Local["brands"]!["primary"]!.GetValue<string>()]!["operator"]!;

    /// <summary>The sandbox's published fixtures (local.json's primary client, customer and operator), given through variables as a user would.</summary>
    private static ScriptRun WithAccounts(ScriptRun run) => run
        .WithVariable("RATOR_DISCOVER_CLIENT_ID", Local["clients"]!["primary"]!["id"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_CLIENT_SECRET", Local["clients"]!["primary"]!["secret"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_BRAND", Local["brands"]!["primary"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_USERNAME", Customer()["username"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_PASSWORD", Customer()["password"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_BILLING_GROUP_ID", Customer()["billingGroupId"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_CUSTOMER_ID", Customer()["customerId"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_OPERATOR_USERNAME", Operator()["username"]!.GetValue<string>())
        .WithVariable("RATOR_DISCOVER_OPERATOR_PASSWORD", Operator()["password"]!.GetValue<string>());
}
