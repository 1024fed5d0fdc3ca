using System.Reflection;

namespace Rator.SuiteRuns;

/// <summary>
/// Where the suite lives and how it was built. The matrices run the suite's assembly of the configuration this
/// assembly was built with: the project reference built exactly that one, any other may be stale.
/// </summary>
public sealed record SuiteCheckout(string Root, string Configuration)
{
    /// <summary>The suite's build output, the assembly run-tests.ps1 runs (`dotnet &lt;it&gt; run ...`).</summary>
    public string SuiteAssembly => Path.Combine(Root, "bin", Configuration, "net10.0", "Rator.Contract.Tests.dll");

    /// <summary>environments/local.json: the embedded sandbox, what run-tests.ps1 targets by default.</summary>
    public string LocalEnvironment => Path.Combine(Root, "environments", "local.json");

    /// <summary>reports/&lt;matrix&gt;/: a matrix's own report and, in runs/, each of its runs' reports and logs.</summary>
    public string ReportRoot(string matrix) => Path.Combine(Root, "reports", matrix);

    /// <summary>The lock files that bound suite runs across every matrix of this checkout (see <see cref="RunSlots"/>).</summary>
    public string SlotDirectory => Path.Combine(Root, "reports", ".run-slots");

    public static SuiteCheckout Locate()
    {
        var configuration = typeof(SuiteCheckout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
                            ?? throw new InvalidOperationException("This assembly carries no build configuration.");
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "run-tests.ps1")) &&
                File.Exists(Path.Combine(directory.FullName, "Rator.Contract.Tests.csproj")))
                return new SuiteCheckout(directory.FullName, configuration);
        }
        throw new InvalidOperationException($"No run-tests.ps1 above {AppContext.BaseDirectory}: the matrix must run from the repository's build output.");
    }
}
