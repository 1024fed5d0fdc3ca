using System.Text.RegularExpressions;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// ER-06 over the whole run: no answer is a server error caused by what was sent, and none shows the deployment's
/// internals (a stack trace, an SQL error). 502, 503 and 504 are left out: they are the infrastructure's (a gateway,
/// a restart), not the application's answer to the input, and the run treats them as such.
/// </summary>
public static partial class NoServerErrors
{
    public const string Answers = "answers of the deployment";
    public const string Expectation = "to be no server error and to show no stack trace or SQL error (OWASP WSTG-ERRH)";

    public static WholeRunJudgement Of(IEnumerable<RecordedAnswer> answers) =>
        WholeRunJudgement.Of(answers, Answers, a => a.Answer.Answered, a => Problem(a.Answer));

    public static string? Problem(ApiResponse answer)
    {
        if (answer.StatusCode is >= 500 and not (502 or 503 or 504))
            return $"status {answer.StatusCode} ({answer.Describe()})";
        return Internals(answer.Body) is { } shown ? $"the body shows {shown}: {answer.Excerpt(160)}" : null;
    }

    /// <summary>What of the deployment's internals <paramref name="body"/> shows, or null.</summary>
    public static string? Internals(string body) =>
        JavaFrame().IsMatch(body) ? "a Java stack trace"
        : DotNetFrame().IsMatch(body) ? "a .NET stack trace"
        : PythonTrace().IsMatch(body) ? "a Python traceback"
        : NodeFrame().IsMatch(body) ? "a Node.js stack trace"
        : SqlError().IsMatch(body) ? "an SQL error"
        : null;

    [GeneratedRegex(@"\bat\s+[\w$]+(\.[\w$<>]+)+\([\w$]*\.(java|kt|groovy|scala):\d+\)|\bat\s+[\w$]+(\.[\w$<>]+)+\((Native Method|Unknown Source)\)")]
    private static partial Regex JavaFrame();

    [GeneratedRegex(@"\bat\s+[\w.`<>$+\[\],]+\(.*\)\s+in\s+\S.*:line\s+\d+|\bat\s+(System|Microsoft)\.[\w.`<>]+\(")]
    private static partial Regex DotNetFrame();

    [GeneratedRegex(@"Traceback \(most recent call last\)")]
    private static partial Regex PythonTrace();

    [GeneratedRegex(@"\bat\s+(\S+\s+)?\(?(/|[A-Za-z]:\\|node:)[^\s()]+\.(js|mjs|cjs|ts):\d+:\d+\)?")]
    private static partial Regex NodeFrame();

    [GeneratedRegex(@"SQLSTATE\[|\bORA-\d{5}\b|java\.sql\.SQL\w*Exception|syntax error at or near|SQLite Error \d+|System\.Data\.SqlClient\.SqlException")]
    private static partial Regex SqlError();
}
