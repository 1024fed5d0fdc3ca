namespace Rator.Contract.Tests.Support.Actors;

/// <summary>The kinds of access token a deployment issues, over which the resource rules read as tables.</summary>
public enum TokenKind
{
    /// <summary>A customer's, from the password grant.</summary>
    Customer,

    /// <summary>An operator's, from the operator grant.</summary>
    Operator,

    /// <summary>An application's, from client credentials, acting for an operator.</summary>
    Application,

    /// <summary>A customer's token that a refresh returned.</summary>
    Renewed,
}
