using NUnit.Framework;
using Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Starts and ends Reqnroll's test run around every feature fixture ([BeforeTestRun]/[AfterTestRun] hooks,
/// formatters). In the global namespace so that it wraps every fixture of the assembly.
/// </summary>
[SetUpFixture]
public sealed class ReqnrollTestRun
{
    [OneTimeSetUp]
    public Task StartAsync() => Reqnroll.TestRunnerManager.OnTestRunStartAsync(FeatureCatalog.TestAssembly);

    [OneTimeTearDown]
    public Task EndAsync() => Reqnroll.TestRunnerManager.OnTestRunEndAsync(FeatureCatalog.TestAssembly);
}
