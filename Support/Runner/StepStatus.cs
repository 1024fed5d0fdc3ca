namespace Rator.Contract.Tests.Support.Runner;

public enum StepStatus
{
    Passed,
    Failed,
    Skipped,
    Undefined,
    Pending,
}
