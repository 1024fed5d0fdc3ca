namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>A resource call to probe; <see cref="Path"/> holds an <c>{id}</c> placeholder, relative to the base URL.</summary>
public sealed record ResourceProbe(string Path)
{
    public const string IdPlaceholder = "{id}";

    public string PathFor(string id) => Path.Replace(IdPlaceholder, Uri.EscapeDataString(id), StringComparison.Ordinal);
}

/// <summary>The resources the suite probes, and the statuses the deployment uses to reject a wrong brand.</summary>
public sealed record ResourceSettings
{
    public IReadOnlyList<int> BrandRejectionStatus { get; init; } = [400, 401, 403];
    public ResourceProbe Balance { get; init; } = new("api/billing-groups/{id}/balance");

    /// <summary>An operator-only resource (OP-02); null when the deployment names none.</summary>
    public ResourceProbe? OperatorOnly { get; init; } = new("api/customers/{id}");
}
