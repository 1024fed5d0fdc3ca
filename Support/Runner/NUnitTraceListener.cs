using NUnit.Framework;
using Reqnroll.Tracing;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Writes Reqnroll's step trace into the running test's output. Reqnroll's default listener queues the
/// lines for a background thread once several runners exist, which detaches them from their test.
/// </summary>
internal sealed class NUnitTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) => TestContext.Out.WriteLine(message);

    public void WriteToolOutput(string message) => TestContext.Out.WriteLine("-> " + message);
}
