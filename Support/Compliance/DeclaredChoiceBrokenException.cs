using NUnit.Framework;

namespace Rator.Contract.Tests.Support.Compliance;

/// <summary>
/// The deployment departs from a choice its environment file declares (refresh-token rotation, the reuse leeway,
/// revocation on refresh, the brand parameter, client credentials, the brand refusal statuses): integrators built on
/// the declaration break, so the run fails whatever the strength of the requirement the scenario proves. Only
/// policy.knownIssues turns it into a warning.
/// </summary>
public sealed class DeclaredChoiceBrokenException(string message, Exception inner) : AssertionException(message, inner);
