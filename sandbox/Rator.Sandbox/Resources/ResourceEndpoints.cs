using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Storage;

namespace Rator.Sandbox.Resources;

/// <summary>
/// The read-only resources: the vendor's billing-group balance, readable by its owner and by operators
/// of its brand, and a customer record, readable by operators only (OP-02). Another owner's or brand's
/// object answers 404, like an unknown id, so ids cannot be probed (RS-08).
/// </summary>
internal static class ResourceEndpoints
{
    public static async Task BalanceAsync(HttpContext context, string id, SandboxServices sandbox)
    {
        var notFound = ResourceError.NotFound("Billing group not found");
        var caller = await AuthorizeAsync(context, notFound, sandbox);
        if (caller is null) return;
        var (token, brand, language) = caller.Value;
        var ct = context.RequestAborted;

        var group = await sandbox.Accounts.FindBillingGroupAsync(id, ct);
        if (group is null || group.Brand != brand)
        {
            await ResourceResponses.WriteErrorAsync(context, notFound, sandbox);
            return;
        }
        if (token.PrincipalKind == PrincipalKind.Customer && !sandbox.Has(DefectNames.BillingGroupOwnerUnchecked))
        {
            var owner = await sandbox.Principals.FindAsync(PrincipalKind.Customer, token.Brand, token.PrincipalName, ct);
            if (owner?.CustomerId != group.CustomerId)
            {
                await ResourceResponses.WriteErrorAsync(context, notFound, sandbox);
                return;
            }
        }

        var data = new BalanceView(group.BillingGroupId, group.Brand, group.CustomerId, group.Balance, group.Currency,
            language == ContentLanguage.Italian ? "Saldo del gruppo di fatturazione" : "Billing group balance");
        await ResourceResponses.WriteDataAsync(context, data, language, sandbox, sandbox.Has(DefectNames.ResourceNotJson));
    }

    public static async Task CustomerAsync(HttpContext context, string id, SandboxServices sandbox)
    {
        var notFound = ResourceError.NotFound("Customer not found");
        var caller = await AuthorizeAsync(context, notFound, sandbox);
        if (caller is null) return;
        var (token, brand, language) = caller.Value;

        if (token.PrincipalKind != PrincipalKind.Operator && !sandbox.Has(DefectNames.OperatorResourceOpen))
        {
            await ResourceResponses.WriteErrorAsync(context, ResourceError.Forbidden("Operator privileges are required"), sandbox);
            return;
        }
        var customer = await sandbox.Accounts.FindCustomerAsync(id, context.RequestAborted);
        if (customer is null || customer.Brand != brand)
        {
            await ResourceResponses.WriteErrorAsync(context, notFound, sandbox);
            return;
        }
        var data = new CustomerView(customer.CustomerId, customer.Brand, customer.Username, customer.Name,
            customer.Locked ? "LOCKED" : "ACTIVE", customer.BillingGroupIds);
        await ResourceResponses.WriteDataAsync(context, data, language, sandbox, sandbox.Has(DefectNames.ResourceNotJson));
    }

    /// <summary>Token, then brand header, then language; null when a refusal was already written.</summary>
    private static async Task<(TokenRecord Token, string Brand, string Language)?> AuthorizeAsync(
        HttpContext context, ResourceError notFound, SandboxServices sandbox)
    {
        var (token, tokenError) = await BearerAuthenticator.AuthenticateAsync(context, sandbox);
        if (tokenError is not null)
        {
            await ResourceResponses.WriteErrorAsync(context, tokenError, sandbox);
            return null;
        }
        var (brand, brandError) = await BrandHeader.CheckAsync(context, token!, notFound, sandbox);
        if (brandError is not null)
        {
            await ResourceResponses.WriteErrorAsync(context, brandError, sandbox);
            return null;
        }
        var language = ContentLanguage.Choose(context.Request);
        if (language == ContentLanguage.Italian && sandbox.Has(DefectNames.ItalianNotAcceptable))
        {
            await ResourceResponses.WriteErrorAsync(context,
                new ResourceError(StatusCodes.Status406NotAcceptable, "not_acceptable", "Language not supported"), sandbox);
            return null;
        }
        return (token!, brand!, language);
    }
}

internal sealed record BalanceView(string BillingGroupId, string Brand, string CustomerId, decimal Balance, string Currency, string Description);

internal sealed record CustomerView(string CustomerId, string Brand, string Username, string? Name, string Status, IReadOnlyList<string> BillingGroupIds);
