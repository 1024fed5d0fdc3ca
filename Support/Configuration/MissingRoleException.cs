namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// A scenario needs a client, brand or principal the environment does not declare. The steps turn it into a
/// SKIPPED scenario whose reason is <see cref="Exception.Message"/>; it is never a contract failure.
/// </summary>
public sealed class MissingRoleException(string role, string key, string environment)
    : Exception($"The environment '{environment}' declares no {role} ({key}); scenarios that need one are skipped.")
{
    /// <summary>What is missing, in the scenarios' words ("second client", "operator of BRAND2").</summary>
    public string Role { get; } = role;

    /// <summary>The JSON key that would declare it.</summary>
    public string Key { get; } = key;

    public string Environment { get; } = environment;
}
