using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// A token a setup step obtained, with what it was issued for (client, brand, user), so later steps can refresh
/// it or present it; its text form shows fingerprints only.
/// </summary>
public sealed class IssuedToken
{
    private readonly SecretRedactor redactor;

    internal IssuedToken(TokenRequest request, OAuthClient client, ApiResponse response, SecretRedactor redactor)
    {
        this.redactor = redactor;
        Request = request;
        Client = client;
        Response = response;
        AccessToken = response.Token!.AccessToken!;
    }

    public string AccessToken { get; }
    public string? RefreshToken => Response.Token?.RefreshToken;
    public long? ExpiresIn => Response.Token?.ExpiresIn;
    public string? Brand => Request.Brand.SingleBrand;
    public Principal? User => Request.User;
    public OAuthClient Client { get; }
    public TokenRequest Request { get; }
    public ApiResponse Response { get; }
    public DateTimeOffset IssuedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The scope the token was granted: as the response names it, else the one requested, which a response may leave
    /// out when it granted exactly that (RFC 6749 §5.1); null when neither says.
    /// </summary>
    public string? GrantedScope => Response.Token?.Scope ?? Request.Scope;

    /// <summary>When the access token should have expired, from expires_in; null when the response gave none.</summary>
    public DateTimeOffset? ExpiresAt => ExpiresIn is { } seconds ? IssuedAt.AddSeconds(seconds) : null;

    public override string ToString() => $"token {redactor.Fingerprint(AccessToken)} from {Response.Purpose}";
}
