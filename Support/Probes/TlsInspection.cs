using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// The run's one examination of the deployment's TLS: made the first time a scenario asks (or handed over by the
/// preflight, which examined it already when the certificate kept the run from its first token), so every SH-05
/// scenario judges its clause of the same handshake and the deployment sees two connections per run, not fourteen.
/// </summary>
public sealed class TlsInspection
{
    private readonly Lazy<Task<TlsExamination>> examination;

    public TlsInspection(HttpTransport transport, Uri target, TimeSpan timeout, TlsExamination? already = null) =>
        examination = new(() => already is not null ? Task.FromResult(already) : new TlsProbe(transport).ExamineAsync(target, timeout));

    public Task<TlsExamination> ExamineAsync() => examination.Value;
}
