using System.Runtime.CompilerServices;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// No phoning home: Reqnroll's runtime sends usage events to Application Insights (dc.services.visualstudio.com) at
/// every test run unless REQNROLL_TELEMETRY_ENABLED is set to something other than "1" (Reqnroll's
/// EnvironmentReqnrollTelemetryChecker). A release gate on a locked-down network must open no connection to any
/// outside host, so every process that loads the suite switches it off before Reqnroll runs: run-tests.ps1's run,
/// `dotnet test`'s test host, the matrices' and the end-to-end tests' child runs alike.
/// </summary>
internal static class ReqnrollTelemetry
{
    public const string Variable = "REQNROLL_TELEMETRY_ENABLED";

    [ModuleInitializer]
    internal static void SwitchOff() => Environment.SetEnvironmentVariable(Variable, "0");
}
