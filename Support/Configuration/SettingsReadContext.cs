namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>What reading one environment file collects: problems, secret values, variable resolution.</summary>
internal sealed class SettingsReadContext(Func<string, string?> variables)
{
    private readonly VariableResolver resolver = new(variables);

    public List<string> Errors { get; } = [];
    public List<LoadedSecret> Secrets { get; } = [];

    public IReadOnlyDictionary<string, List<string>> MissingVariables => resolver.Missing;

    public IEnumerable<LoadedSecret> SecretParts => resolver.ResolvedSecretParts;

    public void Error(string message) => Errors.Add(message);

    public string Resolve(string raw, string path, bool secret) => resolver.Resolve(raw, path, secret, Error);
}
