using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The secret values of an environment, loaded the same way the suite loaded them (variables resolved
/// from this process's environment), for the artifact scan after the run.
/// </summary>
public static class RunSecrets
{
    public static IReadOnlyList<(string Name, string Value)> Load(string environmentFile)
    {
        try
        {
            var profile = new EnvironmentLoader(new SecretRedactor()).Load(environmentFile);
            return profile.Secrets.Select(s => (s.Name, s.Value)).ToList();
        }
        catch (EnvironmentConfigurationException)
        {
            // The suite reported the configuration error already (exit 2); nothing was loaded, nothing to scan for.
            return [];
        }
    }
}
