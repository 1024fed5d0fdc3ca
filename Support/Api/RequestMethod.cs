namespace Rator.Contract.Tests.Support.Api;

/// <summary>The token endpoint is POST only (RFC 6749 §3.2); GET exists to prove a deployment refuses it (TE-01).</summary>
public enum RequestMethod
{
    Post,
    Get,
}
