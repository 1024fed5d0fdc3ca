namespace Rator.Contract.Tests.Support.Api;

/// <summary>What a response body turned out to be; hostile targets send any of these where JSON is expected.</summary>
public enum BodyShape
{
    Empty,
    Json,
    InvalidJson,
    Html,
    Text,
}
