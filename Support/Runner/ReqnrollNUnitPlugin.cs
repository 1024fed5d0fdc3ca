using Rator.Contract.Tests.Support.Runner;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

// Reqnroll always scans the test assembly itself for runtime plugins: no *.ReqnrollPlugin.dll needed.
[assembly: RuntimePlugin(typeof(ReqnrollNUnitPlugin))]

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>What the Reqnroll.NUnit package would register, were it served.</summary>
public sealed class ReqnrollNUnitPlugin : IRuntimePlugin
{
    public const string ProviderName = "nunit";

    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ReportLocation.Apply();
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<NUnitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<NUnitTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<NUnitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
