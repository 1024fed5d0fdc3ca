using Rator.Sandbox.Defects;

namespace Rator.Sandbox.Variants;

/// <summary>The variants switched on for one host; validated against the catalogue and the active defects at start-up.</summary>
internal sealed class ActiveVariants
{
    /// <summary>OpenIddict's RefreshTokenReuseLeeway is 30 s by default; 3 s keeps the tests short.</summary>
    public static readonly TimeSpan ReuseLeeway = TimeSpan.FromSeconds(3);

    /// <summary>The operator grant's name under operator-grant-renamed: an RFC 6749 §4.5 extension grant URI.</summary>
    public const string RenamedOperatorGrant = "urn:rator:grant-type:operator";

    private readonly HashSet<string> names;

    public ActiveVariants(IEnumerable<string> requested, ActiveDefects defects)
    {
        Active = SandboxVariantCatalog.Resolve(requested);
        names = Active.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        if (SandboxVariantCatalog.Conflicts.FirstOrDefault(c => names.Contains(c.Variant) && defects.Has(c.Defect)) is { } conflict)
            throw new SandboxConfigurationException(
                $"Variant '{conflict.Variant}' cannot be combined with defect '{conflict.Defect}'. {conflict.Reason}");
    }

    public IReadOnlyList<SandboxVariant> Active { get; }

    public bool Has(string name) => names.Contains(name);

    /// <summary>The variants that are existing settings in another name: they set the option, so one mechanism serves both.</summary>
    public void ApplyTo(SandboxOptions options)
    {
        if (Has(VariantNames.OperatorGrantRenamed)) options.OperatorGrantType = RenamedOperatorGrant;
        if (Has(VariantNames.NoRefreshRotation)) options.RotateRefreshTokens = false;
    }
}
