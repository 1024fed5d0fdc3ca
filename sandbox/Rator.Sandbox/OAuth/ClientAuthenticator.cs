using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// HTTP Basic client authentication (RFC 6749 §2.3.1). Credentials are form-url-decoded as the RFC
/// says; the raw form is tried too, because curl -u sends secrets unencoded and Spring compares them raw.
/// Failures are throttled per client id (TE-11).
/// </summary>
internal static class ClientAuthenticator
{
    private const string BadCredentials = "Bad client credentials";

    /// <summary>
    /// The authenticated client, or null when the refresh-without-client-auth defect lets the refresh
    /// token name the client.
    /// </summary>
    public static async Task<ClientRecord?> AuthenticateAsync(
        HttpRequest request, TokenParameters p, Grant? grant, SandboxServices sandbox, CancellationToken ct)
    {
        var headers = request.Headers.Authorization;
        if (headers.Count > 1)
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "More than one Authorization header");

        var hasHeader = headers.Count == 1 && !string.IsNullOrWhiteSpace(headers[0]);
        if (hasHeader && p.Has("client_secret") && !sandbox.Has(DefectNames.DuplicateParamsAccepted))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "More than one client authentication method");

        if (!hasHeader) return await WithoutHeaderAsync(p, grant, sandbox, ct);

        if (!AuthenticationHeaderValue.TryParse(headers[0], out var header) ||
            !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) ||
            !TryDecodeBasic(header.Parameter, out var rawId, out var rawSecret))
            throw OAuthException.InvalidClient(BadCredentials);
        // Spring Authorization Server and node-oauth2-server: an empty secret is a missing parameter, not a wrong one.
        if (rawSecret.Length == 0 && sandbox.Uses(VariantNames.EmptySecretInvalidRequest))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "Missing client_secret");

        var candidates = new List<(string Id, string Secret)>();
        if (!sandbox.Has(DefectNames.BasicAuthNotDecoded)) candidates.Add((FormDecode(rawId), FormDecode(rawSecret)));
        if (!candidates.Contains((rawId, rawSecret))) candidates.Add((rawId, rawSecret));

        var client = await VerifyAsync(candidates, sandbox, ct);
        if (p.Get("client_id") is { } named && named != client.ClientId)
            throw OAuthException.InvalidClient("The client_id parameter does not match the authenticated client");
        return client;
    }

    private static async Task<ClientRecord?> WithoutHeaderAsync(TokenParameters p, Grant? grant, SandboxServices sandbox, CancellationToken ct)
    {
        var id = p.Get("client_id");
        var secret = p.Get("client_secret");
        if (sandbox.Has(DefectNames.QueryClientCredentialsAccepted) && id is not null && secret is not null &&
            p.InQuery("client_id") && p.InQuery("client_secret"))
            return await VerifyAsync([(id, secret)], sandbox, ct);

        if (sandbox.Has(DefectNames.ClientAuthOptional) && secret is null && grant is Grant.Password or Grant.Operator)
        {
            var client = id is null ? await sandbox.Clients.FirstWithGrantAsync(grant.Value.WireName(sandbox.Options), ct) : await sandbox.Clients.FindAsync(id, ct);
            if (client is not null) return client;
        }

        if (sandbox.Has(DefectNames.RefreshWithoutClientAuth) && grant == Grant.Refresh && secret is null)
            return null;

        // OpenIddict (ID2029) and Duende: no client identification at all is a missing parameter.
        if (id is null && secret is null && sandbox.Uses(VariantNames.MissingClientAuthInvalidRequest))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "The mandatory client_id parameter is missing");

        throw OAuthException.InvalidClient("Full authentication is required: use HTTP Basic client authentication");
    }

    private static async Task<ClientRecord> VerifyAsync(IReadOnlyList<(string Id, string Secret)> candidates, SandboxServices sandbox, CancellationToken ct)
    {
        var throttleKey = candidates[0].Id;
        if (sandbox.ClientThrottle.RetryAfter(throttleKey) is { } wait)
            throw new OAuthException(429, OAuthErrors.InvalidClient, "Too many failed client authentications; retry later")
            { RetryAfter = wait };

        foreach (var (id, secret) in candidates)
        {
            if (secret.Length == 0) continue;
            var client = await sandbox.Clients.FindAsync(id, ct);
            if (client is not null && SecretHasher.Verify(secret, client.SecretHash))
            {
                sandbox.ClientThrottle.RecordSuccess(throttleKey);
                return client;
            }
        }
        sandbox.ClientThrottle.RecordFailure(throttleKey);
        throw OAuthException.InvalidClient(BadCredentials);
    }

    private static bool TryDecodeBasic(string? parameter, out string id, out string secret)
    {
        id = secret = "";
        if (string.IsNullOrWhiteSpace(parameter)) return false;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(parameter.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        id = text[..colon];
        secret = text[(colon + 1)..];
        return true;
    }

    /// <summary>application/x-www-form-urlencoded decoding; invalid escapes are kept as they are.</summary>
    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
