namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>Where a token-endpoint parameter travels: the URL query or the form-encoded body.</summary>
public enum ParameterPlace
{
    Query,
    Form,
}
