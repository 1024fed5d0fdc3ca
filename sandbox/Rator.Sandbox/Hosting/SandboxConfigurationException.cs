namespace Rator.Sandbox;

/// <summary>A setting the sandbox cannot start with (unknown defect, bad URL, unreadable seed...).</summary>
public sealed class SandboxConfigurationException : Exception
{
    public SandboxConfigurationException(string message) : base(message) { }

    public SandboxConfigurationException(string message, Exception inner) : base(message, inner) { }
}
