namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>The names of the files a run leaves in its report folder, in one place.</summary>
public static class ReportFiles
{
    public const string ScenarioLog = "run/scenarios.ndjson";
    public const string RunStatus = "run/status.json";
    public const string TokenFingerprints = "run/token-fingerprints.txt";
    /// <summary>The embedded sandbox's CA, made for the run: ca.pem is what curl --cacert trusts in a reproduction.</summary>
    public const string SandboxTls = "run/sandbox-tls";
    public const string Summary = "summary.json";
    /// <summary>The previous run's summary.json, kept by run-tests.ps1 before it empties the folder: the default baseline.</summary>
    public const string Baseline = "baseline/summary.json";
    public const string CiSummary = "ci-summary.md";
    public const string CucumberMessages = "cucumber-messages.ndjson";
    public const string Manifest = "manifest.json";
    public const string ComplianceMarkdown = "compliance.md";
    public const string ComplianceHtml = "compliance.html";
    public const string ComplianceJson = "compliance.json";
    public const string AllureResults = "allure-results";
    public const string AllureReport = "allure-report/index.html";
    public const string LivingDocumentation = "living-documentation.html";
    public const string JUnit = "junit.xml";
    public const string Trx = "results.trx";
}
