using System.Reflection;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Where the suite lives and how it was built. The matrix runs the suite with -NoBuild in the configuration
/// this assembly was built with: the project reference built exactly that one, any other may be stale.
/// </summary>
public sealed record SuiteCheckout(string Root, string Configuration)
{
    public string RunScript => Path.Combine(Root, "run-tests.ps1");

    public string ReportRoot => Path.Combine(Root, "reports", "defect-matrix");

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
