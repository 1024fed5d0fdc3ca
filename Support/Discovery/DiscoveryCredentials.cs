namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// The accounts discovery may use, all from variables (values are never written or printed): the primary client and
/// one customer of one brand, optionally an operator of that brand and the customer's resource ids. The drafted file
/// names the same variables, so the run that follows needs nothing else set.
/// </summary>
public sealed record DiscoveryCredentials
{
    public const string ClientIdVariable = "RATOR_DISCOVER_CLIENT_ID";
    public const string ClientSecretVariable = "RATOR_DISCOVER_CLIENT_SECRET";
    public const string BrandVariable = "RATOR_DISCOVER_BRAND";
    public const string UsernameVariable = "RATOR_DISCOVER_USERNAME";
    public const string PasswordVariable = "RATOR_DISCOVER_PASSWORD";
    public const string OperatorUsernameVariable = "RATOR_DISCOVER_OPERATOR_USERNAME";
    public const string OperatorPasswordVariable = "RATOR_DISCOVER_OPERATOR_PASSWORD";
    public const string OperatorGrantTypeVariable = "RATOR_DISCOVER_OPERATOR_GRANT_TYPE";
    public const string BillingGroupIdVariable = "RATOR_DISCOVER_BILLING_GROUP_ID";
    public const string CustomerIdVariable = "RATOR_DISCOVER_CUSTOMER_ID";

    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required string Brand { get; init; }
    public required string Username { get; init; }
    public required string Password { get; init; }
    public string? OperatorUsername { get; init; }
    public string? OperatorPassword { get; init; }
    public string? OperatorGrantType { get; init; }
    public string? BillingGroupId { get; init; }
    public string? CustomerId { get; init; }

    public bool HasOperator => OperatorUsername is not null && OperatorPassword is not null;

    /// <summary>The values to keep out of every line discovery prints.</summary>
    public IEnumerable<string> Secrets => new[] { ClientSecret, Password, OperatorPassword }.OfType<string>();

    /// <summary>Reads the variables; every missing mandatory one (and a half-given operator) is named at once.</summary>
    /// <exception cref="DiscoveryUsageException">one or more are missing.</exception>
    public static DiscoveryCredentials FromVariables(Func<string, string?> variables)
    {
        var missing = new List<string>();
        string Required(string name)
        {
            var value = variables(name);
            if (string.IsNullOrEmpty(value))
                missing.Add(name);
            return value ?? "";
        }

        string? Optional(string name) => variables(name) is { Length: > 0 } value ? value : null;

        var credentials = new DiscoveryCredentials
        {
            ClientId = Required(ClientIdVariable),
            ClientSecret = Required(ClientSecretVariable),
            Brand = Required(BrandVariable),
            Username = Required(UsernameVariable),
            Password = Required(PasswordVariable),
            OperatorUsername = Optional(OperatorUsernameVariable),
            OperatorPassword = Optional(OperatorPasswordVariable),
            OperatorGrantType = Optional(OperatorGrantTypeVariable),
            BillingGroupId = Optional(BillingGroupIdVariable),
            CustomerId = Optional(CustomerIdVariable),
        };
        if ((credentials.OperatorUsername is null) != (credentials.OperatorPassword is null))
            missing.Add(credentials.OperatorUsername is null ? OperatorUsernameVariable : OperatorPasswordVariable);

        return missing.Count == 0
            ? credentials
            : throw new DiscoveryUsageException(
                $"Discovery needs these variables set (their values are never printed): {string.Join(", ", missing)}. "
                + $"Mandatory: {ClientIdVariable}, {ClientSecretVariable}, {BrandVariable}, {UsernameVariable}, {PasswordVariable}; "
                + $"optional: {OperatorUsernameVariable} with {OperatorPasswordVariable}, {OperatorGrantTypeVariable}, {BillingGroupIdVariable}, {CustomerIdVariable}.");
    }
}

/// <summary>Discovery cannot start: bad arguments, missing variables, a file already there (exit code 2).</summary>
public sealed class DiscoveryUsageException(string message) : Exception(message);

/// <summary>The deployment cannot be reached or issues no first token (exit code 3).</summary>
public sealed class DiscoveryUnreachableException(string message) : Exception(message);
