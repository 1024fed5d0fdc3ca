using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Configuration;

/// <summary>The repository's own environment files, so the tests check what users will actually load.</summary>
public static class RepositoryEnvironments
{
    public static string Directory { get; } = Find();

    public static EnvironmentLoader Loader(SecretRedactor redactor, IReadOnlyDictionary<string, string>? variables = null) =>
        new(redactor, Directory, name => variables is not null && variables.TryGetValue(name, out var value) ? value : null);

    /// <summary>local.json aimed at <paramref name="baseUrl"/>, with the sandbox fixtures as clients and principals.</summary>
    public static EnvironmentProfile Local(SecretRedactor redactor, Uri baseUrl, TimeSpan? timeout = null)
    {
        var profile = Loader(redactor).Load("local").WithBaseUrl(baseUrl);
        return timeout is { } t ? profile with { RequestTimeout = t } : profile;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rator.Contract.Tests.sln")))
            {
                return Path.Combine(dir.FullName, "environments");
            }
        }

        throw new InvalidOperationException("The repository root (Rator.Contract.Tests.sln) is not above the test directory.");
    }
}
