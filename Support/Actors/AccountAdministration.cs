using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Runner;
using Rator.Sandbox;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// Locking an account from the suite (RT-08), which only the embedded sandbox allows: a real deployment
/// does that through its back office, outside any black-box test. Every lock is undone when the scenario ends.
/// </summary>
public sealed class AccountAdministration(SandboxHost? sandbox) : IAsyncDisposable
{
    private readonly List<Principal> _locked = [];

    public void RequireAvailable()
    {
        if (sandbox is null)
            throw new ScenarioNotApplicableException("the suite cannot lock accounts of this deployment (only the embedded sandbox allows it); lock one by hand to check RT-08");
    }

    public async Task LockAsync(Principal person)
    {
        RequireAvailable();
        if (!await sandbox!.SetPrincipalLockedAsync(person.Brand, person.Username, locked: true))
            throw new InvalidOperationException($"The sandbox has no account {person.Username} of {person.Brand} to lock.");
        _locked.Add(person);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var person in _locked)
            await sandbox!.SetPrincipalLockedAsync(person.Brand, person.Username, locked: false);
        _locked.Clear();
    }
}
