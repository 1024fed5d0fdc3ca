using System.Text.Json.Nodes;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// From answers to choices: each method reads what a few ordinary requests got back and says which value an
/// environment file should declare, with the evidence as its note. Where the answers allow more than one reading,
/// the finding is left unsettled (a _todo) rather than guessed: a wrong guess would surface later as a contract
/// failure that is really a configuration mistake.
/// </summary>
public static class DiscoveryInference
{
    public static Finding BrandParameter(IReadOnlyList<(BrandForm Form, ProbeAnswer Answer)> tries, ProbeAnswer withoutBrand)
    {
        var sent = string.Join("; ", tries.Select(t => $"{t.Form} → {t.Answer}")) + $"; no brand at all → {withoutBrand}";
        var note = $"the primary customer's password grant with the brand as each form the vendor's pages use: {sent}";
        if (withoutBrand.IssuedToken)
        {
            return new("tokenEndpoint.brandParameter", null,
                $"{note}. A token was issued without any brand, so the answers cannot tell which form is read (a missing brand must be refused, BK-01): declare the form the deployment promises");
        }

        var accepted = BrandForm.All.Where(f => tries.Any(t => t.Form == f && t.Answer.IssuedToken)).ToList();
        if (accepted.Count == 0)
        {
            return new("tokenEndpoint.brandParameter", null, $"{note}. No form was accepted");
        }

        var chosen = accepted[0];
        var others = accepted.Count > 1 ? $" (also accepted: {string.Join(", ", accepted.Skip(1))}; the first in the vendor's brand page order is declared)" : "";
        return new("tokenEndpoint.brandParameter", new JsonObject { ["name"] = chosen.Name, ["place"] = chosen.Place },
            $"{note}. Accepted: {chosen}{others}");
    }

    public static Finding TokenEndpointRejection(ProbeAnswer missing, ProbeAnswer unknown) =>
        Rejection("tokenEndpoint.brandRejectionStatus", "the primary customer's password grant", missing, unknown);

    public static Finding ResourceRejection(ProbeAnswer missing, ProbeAnswer unknown) =>
        Rejection("resources.brandRejectionStatus", "the balance call with a valid token", missing, unknown);

    private static Finding Rejection(string key, string request, ProbeAnswer missing, ProbeAnswer unknown)
    {
        var note = $"{request} without the brand → {missing}; with an unknown brand → {unknown}";
        var statuses = new[] { missing, unknown }.Where(a => a.IsRefusal).Select(a => a.Status).Distinct().Order().ToList();
        if (!missing.IsRefusal || !unknown.IsRefusal)
        {
            return new(key, null, $"{note}. Not both were refused with a 4xx status: the deployment does not refuse a bad brand as the contract requires (BK-01, BK-05), so there is nothing to declare");
        }

        return new(key, new JsonArray(statuses.Select(s => (JsonNode)s).ToArray()), note);
    }

    /// <summary>Two findings: whether client credentials is offered, and the operator it acts for.</summary>
    public static (Finding Offered, Finding Operator) ClientCredentials(ProbeAnswer withoutOperator, ProbeAnswer? withOperator, string? operatorName)
    {
        const string offeredKey = "tokenEndpoint.clientCredentials.offered";
        const string operatorKey = "tokenEndpoint.clientCredentials.operator";
        var note = $"grant_type=client_credentials for the primary client without an operator → {withoutOperator}"
                   + (withOperator is null ? "" : $"; with operator={operatorName} → {withOperator}");

        if (withoutOperator.Error == "unsupported_grant_type")
        {
            return (new(offeredKey, false, $"{note}: the grant does not exist here (before REST v17)"),
                new(operatorKey, null, "client credentials is not offered: no operator to name"));
        }

        if (withOperator is { IssuedToken: true })
        {
            return (new(offeredKey, true, note), new(operatorKey, operatorName, $"{note}: the token acts for this operator (docs/contract.md V4)"));
        }

        if (withoutOperator.IssuedToken)
        {
            return (new(offeredKey, true, $"{note}: offered, and issued without an operator"),
                new(operatorKey, null, $"{note}: name the operator a client-credentials token acts for (docs/contract.md V4; the schema requires it when offered)"));
        }

        if (withoutOperator.Error == "invalid_request")
        {
            return (new(offeredKey, true, $"{note}: the grant exists and wants a parameter (the operator, docs/contract.md V4)"),
                new(operatorKey, null, $"{note}: set RATOR_DISCOVER_OPERATOR_USERNAME to an operator of the brand and discover again, or name one"));
        }

        return (new(offeredKey, null, $"{note}: neither offered nor absent for sure (the primary client may lack the grant); declare it"),
            new(operatorKey, null, "declare the operator if client credentials is offered"));
    }

    public static Finding RefreshRotation(string oldRefreshToken, ProbeAnswer refreshed)
    {
        const string key = "tokenEndpoint.refreshTokenRotation";
        if (!refreshed.IssuedToken)
        {
            return new(key, null, $"grant_type=refresh_token with the refresh token of the first grant → {refreshed}: the refresh failed, so rotation is unknown");
        }

        var rotated = refreshed.RefreshToken is { Length: > 0 } fresh && fresh != oldRefreshToken;
        return new(key, rotated, $"grant_type=refresh_token with the refresh token of the first grant → {refreshed}; "
            + (rotated ? "a new refresh token came back (rotation)" : refreshed.RefreshToken is null ? "no new refresh token: the old one is kept" : "the same refresh token came back"));
    }

    public static Finding AccessTokenRevokedOnRefresh(ProbeAnswer before, ProbeAnswer after)
    {
        const string key = "tokenEndpoint.accessTokenRevokedOnRefresh";
        var note = $"the balance call with the first access token before the refresh → {before}; after it → {after}";
        if (before.Status == 401 || before.Status == 0)
        {
            return new(key, null, $"{note}: the token did not work even before the refresh, so this cannot be told");
        }

        return after.Status == 401
            ? new(key, true, $"{note}: the old access token died with the refresh")
            : after.Status == before.Status
                ? new(key, false, $"{note}: the old access token still works after the refresh")
                : new(key, null, $"{note}: the answer changed without a 401, so this cannot be told");
    }

    public static Finding AccessTokenValidity(IReadOnlyList<ProbeAnswer> issued)
    {
        const string key = "clients.primary.accessTokenValiditySeconds";
        var lifetimes = issued.Where(a => a.IssuedToken && a.ExpiresIn is > 0).Select(a => a.ExpiresIn!.Value).ToList();
        return lifetimes.Count == 0
            ? new(key, null, $"none of the {issued.Count(a => a.IssuedToken)} tokens issued to the primary client said expires_in")
            : new(key, lifetimes.Max(), $"expires_in of the {lifetimes.Count} tokens issued to the primary client: {string.Join(", ", lifetimes.Distinct())} (the largest is declared)");
    }

    public static Finding OperatorGrant(IReadOnlyList<(string GrantType, ProbeAnswer Answer)> tries)
    {
        const string key = "tokenEndpoint.operatorGrantType";
        var note = "the operator's grant with grant_type " + string.Join("; ", tries.Select(t => $"{t.GrantType} → {t.Answer}"));
        return tries.FirstOrDefault(t => t.Answer.IssuedToken) is { GrantType: { } accepted }
            ? new(key, accepted, note)
            : new(key, null, $"{note}: no grant type issued the operator a token; set RATOR_DISCOVER_OPERATOR_GRANT_TYPE to its wire name");
    }
}
