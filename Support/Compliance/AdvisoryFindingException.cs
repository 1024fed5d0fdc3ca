namespace Rator.Contract.Tests.Support.Compliance;

/// <summary>
/// A check that can only ever be advisory in this scenario, decided at run time (for example a documented
/// brand form other than the one the environment declares): the verdict is a warning, never a failure.
/// </summary>
public sealed class AdvisoryFindingException(string message) : Exception(message);
