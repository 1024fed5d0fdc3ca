using System.Reflection;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>Where the suite lives and which build of it the script must run (the one built with these tests).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: this project's configuration, which its project reference built the suite with.</summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SuiteConfiguration").Value!;

    public static string Script => Path.Combine(Root, "run-tests.ps1");

    public static string EnvironmentsDirectory => Path.Combine(Root, "environments");

    public static string SandboxSeed => Path.Combine(Root, "sandbox", "Rator.Sandbox", "Seed", "seed.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "run-tests.ps1")) && File.Exists(Path.Combine(dir.FullName, "Rator.Contract.Tests.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No run-tests.ps1 above {AppContext.BaseDirectory}");
    }
}
