using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>What discovery learned: where the deployment answers and every choice with its evidence.</summary>
public sealed record DiscoveryResult(Uri BaseUrl, IReadOnlyList<Finding> Findings, int RequestsSent);

/// <summary>
/// The discovery itself: ordinary requests of the primary client and customer (and the operator, if given), in an
/// order where each one reuses what the previous ones established, about fifteen in all. Nothing here provokes a
/// lockout: the credentials are always right, and only the brand is left out or unknown, twice.
/// </summary>
public sealed class DeploymentDiscovery(DiscoveryCredentials credentials, DeploymentProbe probe)
{
    /// <summary>A brand key no deployment has (a word, so it is refused as unknown rather than as malformed).</summary>
    public const string UnknownBrand = "RATOR-DISCOVERY-NO-SUCH-BRAND";

    /// <summary>The vendor's pages write the application context as /appcontext; the product's own name is the one tried.</summary>
    public const string ConventionalContext = "rator/";

    // Discovery tries the schema's defaults: the token endpoint's path, the balance probe, the operator grant's name.
    private static readonly TokenEndpointSettings Defaults = new();
    private static readonly string BalancePath = new ResourceSettings().Balance.Path;

    private IReadOnlyList<KeyValuePair<string, string>> PasswordGrant =>
        [new("grant_type", "password"), new("username", credentials.Username), new("password", credentials.Password)];

    public async Task<DiscoveryResult> RunAsync(Uri givenBaseUrl)
    {
        var findings = new List<Finding>();
        var issued = new List<ProbeAnswer>();

        var (baseUrl, firstAnswer, where) = await LocateAsync(givenBaseUrl);
        findings.Add(new("target.baseUrl", baseUrl.AbsoluteUri.TrimEnd('/'), where));
        var tokenEndpoint = new Uri(baseUrl, Defaults.Path);

        var tries = new List<(BrandForm, ProbeAnswer)> { (BrandForm.All[0], firstAnswer) };
        foreach (var form in BrandForm.All.Skip(1))
            tries.Add((form, await probe.TokenAsync(tokenEndpoint, PasswordGrant, form, credentials.Brand)));
        issued.AddRange(tries.Select(t => t.Item2));
        var withoutBrand = await probe.TokenAsync(tokenEndpoint, PasswordGrant, null, null);
        findings.Add(DiscoveryInference.BrandParameter(tries, withoutBrand));

        var (form0, first) = tries.FirstOrDefault(t => t.Item2.IssuedToken);
        if (form0 is null)
        {
            throw new DiscoveryUnreachableException(
                $"The token endpoint {tokenEndpoint} issued no token to the primary client and customer with any brand form: "
                + string.Join("; ", tries.Select(t => $"{t.Item1} → {t.Item2}"))
                + $". Check {DiscoveryCredentials.ClientIdVariable}, {DiscoveryCredentials.ClientSecretVariable}, {DiscoveryCredentials.BrandVariable}, "
                + $"{DiscoveryCredentials.UsernameVariable} and {DiscoveryCredentials.PasswordVariable}.");
        }

        var unknownBrand = await probe.TokenAsync(tokenEndpoint, PasswordGrant, form0, UnknownBrand);
        findings.Add(DiscoveryInference.TokenEndpointRejection(withoutBrand, unknownBrand));

        var balance = new Uri(baseUrl, BalancePath.Replace("{id}", Uri.EscapeDataString(credentials.BillingGroupId ?? "0"), StringComparison.Ordinal));
        var before = await probe.ResourceAsync(balance, first.AccessToken!, credentials.Brand);
        var resourceWithoutBrand = await probe.ResourceAsync(balance, first.AccessToken!, null);
        var resourceUnknownBrand = await probe.ResourceAsync(balance, first.AccessToken!, UnknownBrand);
        findings.Add(DiscoveryInference.ResourceRejection(resourceWithoutBrand, resourceUnknownBrand));

        if (first.RefreshToken is { Length: > 0 } refreshToken)
        {
            var refreshed = await probe.TokenAsync(tokenEndpoint, [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], form0, credentials.Brand);
            issued.Add(refreshed);
            findings.Add(DiscoveryInference.RefreshRotation(refreshToken, refreshed));
            var after = await probe.ResourceAsync(balance, first.AccessToken!, credentials.Brand);
            findings.Add(refreshed.IssuedToken
                ? DiscoveryInference.AccessTokenRevokedOnRefresh(before, after)
                : new("tokenEndpoint.accessTokenRevokedOnRefresh", null, "the refresh failed, so this cannot be told"));
        }
        else
        {
            findings.Add(new("tokenEndpoint.refreshTokenRotation", null, "the password grant issued no refresh token, so refresh cannot be discovered"));
            findings.Add(new("tokenEndpoint.accessTokenRevokedOnRefresh", null, "the password grant issued no refresh token, so refresh cannot be discovered"));
        }

        var clientCredentials = (IReadOnlyList<KeyValuePair<string, string>>)[new("grant_type", "client_credentials")];
        var withoutOperator = await probe.TokenAsync(tokenEndpoint, clientCredentials, form0, credentials.Brand);
        ProbeAnswer? withOperator = null;
        if (credentials.OperatorUsername is { } operatorName && withoutOperator.Error != "unsupported_grant_type")
        {
            withOperator = await probe.TokenAsync(tokenEndpoint, [.. clientCredentials, new("operator", operatorName)], form0, credentials.Brand);
        }

        var (offered, @operator) = DiscoveryInference.ClientCredentials(withoutOperator, withOperator, credentials.OperatorUsername);
        findings.Add(offered);
        findings.Add(@operator);

        if (credentials.HasOperator)
        {
            var grantType = credentials.OperatorGrantType ?? Defaults.OperatorGrantType;
            var answer = await probe.TokenAsync(tokenEndpoint,
                [new("grant_type", grantType), new("username", credentials.OperatorUsername!), new("password", credentials.OperatorPassword!)], form0, credentials.Brand);
            findings.Add(DiscoveryInference.OperatorGrant([(grantType, answer)]));
        }

        findings.Add(DiscoveryInference.AccessTokenValidity(issued));
        return new DiscoveryResult(baseUrl, findings, probe.RequestsSent);
    }

    /// <summary>The base URL whose oauth/token is a token endpoint: as given, or with the conventional context when it had none.</summary>
    private async Task<(Uri BaseUrl, ProbeAnswer First, string Note)> LocateAsync(Uri given)
    {
        var candidates = new List<Uri> { given };
        if (given.AbsolutePath == "/")
            candidates.Add(new Uri(given, ConventionalContext));

        var seen = new List<string>();
        foreach (var candidate in candidates)
        {
            var answer = await probe.TokenAsync(new Uri(candidate, Defaults.Path), PasswordGrant, BrandForm.All[0], credentials.Brand);
            if (answer is { Status: 0, TlsHandshakeFailed: true })
                throw new DiscoveryUnreachableException(
                    $"{new Uri(candidate, Defaults.Path)} answers, but not over a TLS connection discovery can trust ({answer.Error}). "
                    + await probe.Transport.DiagnoseAsync(candidate, DiscoverCommand.RequestTimeout));
            if (answer.Status == 0)
                throw new DiscoveryUnreachableException($"{new Uri(candidate, Defaults.Path)} cannot be reached: {answer}. Check -BaseUrl and that the deployment is up.");
            seen.Add($"POST {new Uri(candidate, Defaults.Path).AbsolutePath} → {answer}");
            if (answer.Status != 404 && answer.Status != 405)
            {
                var note = candidate == given
                    ? $"the token endpoint answers at {candidate.AbsolutePath}oauth/token ({answer})"
                    : $"the given URL had no application context: {string.Join("; ", seen)}; the context {candidate.AbsolutePath.TrimEnd('/')} was added";
                return (candidate, answer, note);
            }
        }

        throw new DiscoveryUnreachableException(
            $"No token endpoint found: {string.Join("; ", seen)}. Give -BaseUrl with the deployment's application context (e.g. https://host/rator).");
    }
}
