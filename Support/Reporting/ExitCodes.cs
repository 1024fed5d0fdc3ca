namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>The exit codes of run-tests.ps1, as the README documents them.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int ContractFailures = 1;
    public const int ConfigurationError = 2;
    public const int Unreachable = 3;
    public const int NothingSelected = 4;
    public const int SecretLeaked = 5;

    /// <summary>What a code means, in the README's words.</summary>
    public static string Meaning(int code) => code switch
    {
        Passed => "every gating scenario passed",
        ContractFailures => "contract failures",
        ConfigurationError => "configuration or usage error",
        Unreachable => "target unreachable, no first token, or unavailable during the run",
        NothingSelected => "nothing selected",
        SecretLeaked => "a secret found in an artifact",
        _ => "unknown",
    };
}
