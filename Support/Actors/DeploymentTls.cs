using Rator.Contract.Tests.Support.Probes;
using Reqnroll;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>The deployment's TLS as one scenario judges it: the run's examination, shown in the scenario's output.</summary>
public sealed class DeploymentTls(TlsInspection inspection, IReqnrollOutputHelper output)
{
    private TlsExamination? examination;

    public TlsExamination Examination => examination
        ?? throw new InvalidOperationException("The TLS connection was not examined yet: a When step must examine it first.");

    public async Task ExamineAsync()
    {
        examination = await inspection.ExamineAsync();
        output.WriteLine(examination.Describe());
    }
}
