using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.Resources;

/// <summary>
/// RFC 6750 bearer authentication from the Authorization header only: the scheme is case-insensitive,
/// the credential must be one b64token, and access_token in the query is not a credential (RS-06).
/// Error descriptions never contain the presented token (SH-03).
/// </summary>
internal static partial class BearerAuthenticator
{
    public static async Task<(TokenRecord? Token, ResourceError? Error)> AuthenticateAsync(HttpContext context, SandboxServices sandbox)
    {
        var request = context.Request;
        var headers = request.Headers.Authorization;
        var queryToken = request.Query["access_token"];
        if (headers.Count > 1) return (null, ResourceError.BadRequest("More than one Authorization header"));

        string? token;
        if (headers.Count == 1 && !string.IsNullOrWhiteSpace(headers[0]))
        {
            if (queryToken.Count > 0) return (null, ResourceError.BadRequest("The access token was sent in more than one way"));
            var value = headers[0]!.Trim();
            var space = value.IndexOf(' ');
            var scheme = space < 0 ? value : value[..space];
            var schemeMatches = sandbox.Has(DefectNames.BearerSchemeCaseSensitive)
                ? scheme == "Bearer"
                : scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
            if (!schemeMatches) return (null, NoToken(sandbox));

            token = space < 0 ? "" : value[(space + 1)..].Trim();
            if (!B64Token().IsMatch(token))
            {
                if (!sandbox.Has(DefectNames.MalformedBearerAccepted) || SplitLenient(token) is not { } first)
                    return (null, ResourceError.InvalidToken("Malformed access token"));
                token = first;
            }
        }
        else if (queryToken.Count == 1 && !string.IsNullOrEmpty(queryToken[0]) && sandbox.Has(DefectNames.QueryTokenAccepted))
        {
            token = queryToken[0]!;
        }
        else if (queryToken.Count > 0 && sandbox.Uses(VariantNames.QueryTokenBadRequest))
        {
            // RFC 6750 §3.1: an unsupported way of sending the token is a malformed request, not a missing one.
            return (null, ResourceError.BadRequest("The access token must be sent in the Authorization header", describedInChallenge: true));
        }
        else
        {
            return (null, NoToken(sandbox));
        }

        var record = await sandbox.Database.RunAsync(db => TokenStore.Find(db, TokenGenerator.Digest(token)), context.RequestAborted);
        var echo = sandbox.Has(DefectNames.TokenEchoed) && B64Token().IsMatch(token) ? ": " + token : "";
        if (record is null || record.Kind != TokenKind.Access || record.Revoked)
            return (null, ResourceError.InvalidToken("Invalid access token" + echo, !sandbox.Has(DefectNames.InvalidTokenNoErrorCode)));
        var neverExpires = sandbox.Has(DefectNames.ExpiredTokenAccepted)
                           || (record.GrantType == OAuth.GrantTypes.ClientCredentials && sandbox.Has(DefectNames.CcTokensNeverExpire));
        if (sandbox.Clock.GetUtcNow() >= record.ExpiresAt && !neverExpires)
            return (null, ResourceError.InvalidToken("Access token expired" + echo));
        return (record, null);
    }

    private static ResourceError NoToken(SandboxServices sandbox) => sandbox.Has(DefectNames.NoTokenErrorCode)
        ? ResourceError.NoToken("unauthorized", "Full authentication is required to access this resource")
        : ResourceError.NoToken();

    private static string? SplitLenient(string credential) =>
        credential.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    /// <summary>RFC 6750 §2.1 b64token.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9\-._~+/]+=*$")]
    private static partial Regex B64Token();
}
