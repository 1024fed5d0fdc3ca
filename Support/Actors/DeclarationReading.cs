namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// What the environment file declares of the actor a scenario chose for a capability ("rator-service without the
/// password grant"), and the key that says so. A verdict against such an actor has two readings, and a failure
/// message names both: the deployment breaks the rule, or the file no longer describes the deployment.
/// </summary>
public sealed record DeclarationReading(string Declared, string Key)
{
    /// <summary>The clause a failure message adds after "because".</summary>
    public string Because =>
        $"the environment declares {Declared}: either the deployment breaks the rule, or the environment file is out of date (check {Key})";
}
