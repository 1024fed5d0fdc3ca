namespace Rator.Contract.Tests.Support.Api;

/// <summary>How a token request authenticates its client.</summary>
public enum ClientAuthentication
{
    /// <summary>HTTP Basic with id and secret form-url-encoded first, as RFC 6749 §2.3.1 requires.</summary>
    Basic,

    /// <summary>HTTP Basic with id and secret as they are, as <c>curl -u id:secret</c> sends them.</summary>
    BasicUnencoded,

    /// <summary>No client authentication at all (TE-05, RT-02, CC-03).</summary>
    None,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body, RFC 6749 §2.3.1's discouraged alternative.</summary>
    FormBody,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the URL query, which RFC 6749 §2.3.1 forbids (TE-04).</summary>
    Query,

    /// <summary>Basic and the form body at once: more than one method, to be rejected (TE-07).</summary>
    BasicAndFormBody,
}
