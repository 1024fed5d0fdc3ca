namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// A fresh folder under the system temp directory for one test's environment files and report folder. Kept when
/// the test fails (its path is in the failure message) so the run's files can be read; deleted otherwise.
/// </summary>
public sealed class ScratchFolder
{
    public ScratchFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rator-e2e", $"{purpose}-{Guid.NewGuid():N}"[..(purpose.Length + 9)]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A report folder the script has not created yet (it must create it itself).</summary>
    public string ReportDir => System.IO.Path.Combine(Path, "reports");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var file = File(name);
        System.IO.File.WriteAllText(file, content);
        return file;
    }

    public void Delete()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still ending may hold a file: the temp folder is cleaned by the system eventually.
        }
    }
}
