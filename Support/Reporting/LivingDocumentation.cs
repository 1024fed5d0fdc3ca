using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// Makes the living documentation (Reqnroll's HTML formatter, and the Cucumber messages it renders) tell what the gate
/// decided. Reqnroll saw a failed step in every scenario the verdict policy later judged a WARNING or NOT_APPLICABLE,
/// so it counts and colours them as failures. After the run, each such step gets a non-failing status — PENDING
/// (yellow) for a warning, its message starting with "WARNING (does not fail the gate)", SKIPPED for not applicable —
/// and every failed step keeps only what was expected and what came back: its stack trace moves to an attachment of
/// the step, with the build machine's paths cut to the repository's.
/// </summary>
public static partial class LivingDocumentation
{
    private const string MessagesStart = "window.CUCUMBER_MESSAGES = ";
    public const string WarningPrefix = "WARNING (does not fail the gate): ";

    // Embedded in a <script>: the default encoder escapes '<', '>' and '&', so no message can close the element.
    private static readonly JsonSerializerOptions Embedded = new();

    public static void AlignWithVerdicts(string reportDirectory, IReadOnlyList<ScenarioResult> results, string? repositoryRoot)
    {
        var html = Path.Combine(reportDirectory, ReportFiles.LivingDocumentation);
        if (File.Exists(html))
        {
            var text = File.ReadAllText(html);
            var start = text.IndexOf(MessagesStart, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf("</script>", start, StringComparison.Ordinal);
            if (end > 0)
            {
                // The formatter writes '<' as the JavaScript escape \x3C, which JSON does not have.
                var json = JavaScriptHexEscape().Replace(text[(start + MessagesStart.Length)..end].TrimEnd().TrimEnd(';'), @"${pre}\u00${hex}");
                var envelopes = JsonNode.Parse(json)!.AsArray().Select(e => e!).ToList();
                var aligned = new JsonArray([.. Align(envelopes, results, repositoryRoot).Select(e => e.DeepClone())]);
                File.WriteAllText(html, text[..(start + MessagesStart.Length)] + aligned.ToJsonString(Embedded) + ";\n" + text[end..]);
            }
        }

        var ndjson = Path.Combine(reportDirectory, ReportFiles.CucumberMessages);
        if (File.Exists(ndjson))
        {
            var envelopes = File.ReadLines(ndjson).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();
            File.WriteAllLines(ndjson, Align(envelopes, results, repositoryRoot).Select(e => e.ToJsonString(Embedded)));
        }
    }

    /// <summary>The envelopes with each step's status as the gate sees it; stack traces as attachments.</summary>
    public static IReadOnlyList<JsonNode> Align(IReadOnlyList<JsonNode> envelopes, IReadOnlyList<ScenarioResult> results, string? repositoryRoot)
    {
        // A result names its pickle by feature file and position; the messages link pickle → test case → its runs.
        var pickles = new Dictionary<string, (string Uri, int Index)>(StringComparer.Ordinal);
        var perUri = new Dictionary<string, int>(StringComparer.Ordinal);
        var caseToPickle = new Dictionary<string, string>(StringComparer.Ordinal);
        var startedToCase = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var envelope in envelopes)
        {
            if (envelope["pickle"] is { } pickle)
            {
                var uri = (string)pickle["uri"]!;
                var index = perUri[uri] = perUri.GetValueOrDefault(uri, -1) + 1;
                pickles[(string)pickle["id"]!] = (uri, index);
            }
            else if (envelope["testCase"] is { } testCase)
                caseToPickle[(string)testCase["id"]!] = (string)testCase["pickleId"]!;
            else if (envelope["testCaseStarted"] is { } started)
                startedToCase[(string)started["id"]!] = (string)started["testCaseId"]!;
        }

        var verdicts = results.Where(r => r.PickleIndex is not null)
            .GroupBy(r => (r.FeatureFile, r.PickleIndex!.Value)).ToDictionary(g => g.Key, g => g.First().Verdict);
        string? VerdictOf(string? startedId) =>
            startedId is not null && startedToCase.TryGetValue(startedId, out var testCase) && caseToPickle.TryGetValue(testCase, out var pickleId)
            && pickles.TryGetValue(pickleId, out var at) && verdicts.TryGetValue(at, out var verdict)
                ? verdict
                : null;

        var output = new List<JsonNode>(envelopes.Count);
        foreach (var envelope in envelopes)
        {
            if (envelope["testStepFinished"] is { } finished && finished["testStepResult"] is JsonObject result)
            {
                // Any step with an exception (a skip or not-applicable one too) carries a .NET stack trace.
                if (result["exception"] is JsonObject exception && exception["stackTrace"] is { } stack)
                {
                    exception.Remove("stackTrace");
                    output.Add(StackTraceAttachment(Clean(stack.GetValue<string>(), repositoryRoot), finished));
                }

                if (result["message"] is { } message)
                    result["message"] = Clean(StripStack(message.GetValue<string>()), repositoryRoot);
                if ((string?)result["status"] == "FAILED")
                {
                    switch (VerdictOf((string?)finished["testCaseStartedId"]))
                    {
                        case Verdicts.Warning:
                            result["status"] = "PENDING";
                            // Without the exception the formatter shows the message alone, not as a red assertion error.
                            result.Remove("exception");
                            result["message"] = WarningPrefix + (string?)result["message"];
                            break;
                        case Verdicts.NotApplicable or Verdicts.Skipped:
                            result["status"] = "SKIPPED";
                            break;
                    }
                }
            }
            else if (envelope["testRunFinished"] is JsonObject runFinished)
            {
                runFinished["success"] = !results.Any(r => Verdicts.Gates(r.Verdict));
            }

            output.Add(envelope);
        }

        return output;
    }

    private static JsonNode StackTraceAttachment(string stackTrace, JsonNode finished) => new JsonObject
    {
        ["attachment"] = new JsonObject
        {
            ["body"] = "Stack trace (for the suite's maintainers):\n" + stackTrace,
            ["contentEncoding"] = "IDENTITY",
            ["mediaType"] = "text/plain",
            ["fileName"] = "stack-trace.txt",
            ["testCaseStartedId"] = finished["testCaseStartedId"]?.DeepClone(),
            ["testStepId"] = finished["testStepId"]?.DeepClone(),
            ["timestamp"] = finished["timestamp"]?.DeepClone(),
        },
    };

    /// <summary>A message that carries its own trace ("...\n   at X.Y() in /path/File.cs:line 3") keeps the sentence only.</summary>
    private static string StripStack(string message)
    {
        var at = StackFrame().Match(message);
        return at.Success ? message[..at.Index].TrimEnd() : message;
    }

    /// <summary>"in /home/ci/work/rator/Steps/X.cs:line 18" → "in Steps/X.cs:line 18" (outside the repository: the file name).</summary>
    public static string Clean(string text, string? repositoryRoot) => SourcePath().Replace(text, m =>
    {
        var path = m.Groups["path"].Value.Replace('\\', '/');
        var root = repositoryRoot?.Replace('\\', '/').TrimEnd('/') + "/";
        var shown = repositoryRoot is not null && path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : Path.GetFileName(path);
        return $" in {shown}:line ";
    });

    [GeneratedRegex(@" in (?<path>(?:[A-Za-z]:)?[\\/][^\r\n:]*?):line ")]
    private static partial Regex SourcePath();

    [GeneratedRegex(@"(?<pre>(?<!\\)(?:\\\\)*)\\x(?<hex>[0-9A-Fa-f]{2})")]
    private static partial Regex JavaScriptHexEscape();

    [GeneratedRegex(@"\r?\n\s+at \S")]
    private static partial Regex StackFrame();
}
