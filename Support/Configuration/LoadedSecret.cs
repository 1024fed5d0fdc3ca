namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// A secret value the environment loaded, named by where it came from (<c>$.clients.primary.secret</c>, or
/// <c>${RATOR_STAGING_PRIMARY_CLIENT_SECRET}</c> for a variable's part of it), so an artifact scan can say which
/// secret leaked without printing it.
/// </summary>
public sealed record LoadedSecret(string Name, string Value)
{
    public override string ToString() => $"secret {Name}";
}
