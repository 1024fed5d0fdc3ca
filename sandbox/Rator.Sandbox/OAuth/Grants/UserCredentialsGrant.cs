using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;

namespace Rator.Sandbox.OAuth.Grants;

/// <summary>
/// The password grant (customers) and the operator password grant (operators): same parameters, two
/// separate credential classes. Unknown user, wrong password and locked account fail identically and
/// cost the same PBKDF2 work (PW-04); failures are throttled per username (PW-05).
/// </summary>
internal static class UserCredentialsGrant
{
    public static async Task<IssuedTokens> RunAsync(
        TokenParameters p, Grant grant, ClientRecord client, string? brand, string scope, SandboxServices sandbox, CancellationToken ct)
    {
        var username = p.Get("username");
        var password = p.Get("password");
        if (username is null || password is null)
        {
            var code = sandbox.Has(DefectNames.ErrorCodeUnregistered) ? "missing_credentials" : OAuthErrors.InvalidRequest;
            throw OAuthException.BadRequest(code, sandbox.Has(DefectNames.MissingParameterDescriptionQuoted)
                ? OAuthErrors.Missing(username is null ? "username" : "password", sandbox)
                : "Missing username or password");
        }
        if (grant == Grant.Password && sandbox.Has(DefectNames.QueryCredentialsRefused) && (p.InQuery("username") || p.InQuery("password")))
            throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, "User credentials must not be sent in the query string");

        var throttleKey = "user:" + username.ToLowerInvariant();
        if (sandbox.UserThrottle.RetryAfter(throttleKey) is { } wait)
            throw new OAuthException(429, OAuthErrors.InvalidGrant, "Too many failed sign-in attempts; retry later") { RetryAfter = wait };

        var principal = await FindAsync(grant, brand, username, sandbox, ct);
        bool verified;
        if (principal is { Locked: false })
        {
            verified = SecretHasher.Verify(password, principal.PasswordHash);
        }
        else
        {
            // Pay the same PBKDF2 cost as a wrong password, so timing tells nothing either.
            _ = SecretHasher.Verify(password, principal?.PasswordHash ?? SecretHasher.Decoy, allowRemembered: false);
            verified = false;
        }
        if (!verified)
        {
            sandbox.UserThrottle.RecordFailure(throttleKey);
            throw Refusal(grant, principal, sandbox);
        }
        sandbox.UserThrottle.RecordSuccess(throttleKey);

        var tokenBrand = brand ?? principal!.Brand;
        if (!client.Brands.Contains(tokenBrand))
            throw OAuthException.BadRequest(OAuthErrors.UnauthorizedClient, "The client is not registered for this brand");

        // With the credential-classes-merged defect a customer signing in as an operator becomes one.
        var kind = KindOf(grant);
        var wire = grant.WireName(sandbox.Options);
        var withRefresh = client.Grants.Contains(GrantTypes.RefreshToken) &&
                          !(grant == Grant.Password && sandbox.Has(DefectNames.PasswordNoRefreshToken));
        var binding = new TokenBinding(client, tokenBrand, kind, principal!.Username, wire, scope);
        return await sandbox.Database.InTransactionAsync(db => TokenIssuer.Issue(db, sandbox, binding, withRefresh), ct);
    }

    private static async Task<PrincipalRecord?> FindAsync(Grant grant, string? brand, string username, SandboxServices sandbox, CancellationToken ct)
    {
        // No brand, or the principal-brand-unchecked defect: a principal of that name in any brand.
        var searched = sandbox.Has(DefectNames.PrincipalBrandUnchecked) ? null : brand;
        var found = await sandbox.Principals.FindAsync(KindOf(grant), searched, username, ct);
        if (found is null && grant == Grant.Operator && sandbox.Has(DefectNames.CredentialClassesMerged))
            found = await sandbox.Principals.FindAsync(PrincipalKind.Customer, searched, username, ct);
        return found;
    }

    private static PrincipalKind KindOf(Grant grant) => grant == Grant.Operator ? PrincipalKind.Operator : PrincipalKind.Customer;

    private static OAuthException Refusal(Grant grant, PrincipalRecord? principal, SandboxServices sandbox)
    {
        var invalidRequest = grant == Grant.Password
            ? sandbox.Has(DefectNames.BadCredentialsInvalidRequest)
            : sandbox.Has(DefectNames.OperatorBadCredentialsInvalidRequest);
        var code = invalidRequest ? OAuthErrors.InvalidRequest : OAuthErrors.InvalidGrant;
        var description = grant == Grant.Password && sandbox.Has(DefectNames.UserEnumeration)
            ? principal is null ? "User not found" : principal.Locked ? "User account is locked" : "Bad credentials"
            : "Bad credentials";
        return OAuthException.BadRequest(code, description);
    }
}
