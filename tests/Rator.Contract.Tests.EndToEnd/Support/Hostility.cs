namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>How a fake target answers (the hostile targets of HostileTargetTests), plus the one well-behaved answer: a token.</summary>
public enum Hostility
{
    /// <summary>A correct token response (so the preflight passes and the misbehaviour reaches the scenarios).</summary>
    IssuesTokens,

    /// <summary>Accepts the connection, reads the request and never answers.</summary>
    NeverAnswers,

    /// <summary>A 500 with an HTML error page, as a reverse proxy or an application server would send.</summary>
    HtmlErrorPage,

    /// <summary>A 200 that claims JSON and is not.</summary>
    InvalidJson,

    /// <summary>A 200 with no body at all.</summary>
    Empty200,

    /// <summary>A 302 to another host (a single sign-on page, say).</summary>
    RedirectsElsewhere,

    /// <summary>A 503 with Retry-After: 1, every time.</summary>
    ServiceUnavailable,

    /// <summary>Starts a 200 response announcing more bytes than it sends, then closes the connection.</summary>
    ClosesMidResponse,
}
