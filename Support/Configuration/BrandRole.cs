namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>Scenarios speak of "a brand" and "another brand"; the environment maps them to real brand keys.</summary>
public enum BrandRole
{
    Primary,
    Secondary,
}
