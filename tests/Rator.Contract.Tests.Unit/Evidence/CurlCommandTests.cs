using System.Diagnostics;
using System.Net;
using System.Text;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Evidence;

public sealed class CurlCommandTests
{
    // Every character RFC 6749 §2.3.1 makes an encoder touch.
    private const string ClientSecret = "Zx9:Secret+2&=%/ q";
    private const string Password = "Alice-Pass-1";
    private const string AccessToken = "f3b1c2d4-7a8e-4c1b-9d2e-0a1b2c3d4e5f";

    private static readonly ShellVariables Variables = new([
        new ShellVariables.Variable("RATOR_STAGING_PRIMARY_CLIENT_SECRET", ClientSecret, "set it as for the suite run"),
        new ShellVariables.Variable("RATOR_LOCAL_PRINCIPALS_BRAND1_CUSTOMER_PASSWORD", Password, "set it to the value written at principals.BRAND1.customer.password"),
    ]);

    private static CapturedExchange TokenRequest() => new()
    {
        Purpose = "password grant for customer alice.b1",
        Method = "POST",
        Url = "https://rator.example/rator/oauth/token?brand_key=BRAND1",
        RequestHeaders =
        [
            KeyValuePair.Create("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("rator-web:" + WebUtility.UrlEncode(ClientSecret)))),
            KeyValuePair.Create("Content-Type", "application/x-www-form-urlencoded"),
            KeyValuePair.Create("Content-Length", "60"),
        ],
        RequestBody = "grant_type=password&username=alice.b1&password=" + WebUtility.UrlEncode(Password),
        StatusCode = 200,
        ResponseBody = $"{{\"access_token\":\"{AccessToken}\",\"token_type\":\"bearer\"}}",
    };

    private static CapturedExchange ResourceRequest() => new()
    {
        Purpose = "balance",
        Method = "GET",
        Url = "https://rator.example/rator/api/billing-groups/1/balance",
        RequestHeaders = [KeyValuePair.Create("Authorization", "Bearer " + AccessToken), KeyValuePair.Create("X-RATOR-brand-key", "BRAND1")],
        StatusCode = 403,
    };

    [Test]
    public void Secrets_become_the_variables_the_environment_names_and_the_command_says_which_it_needs()
    {
        var command = CurlCommand.Build(TokenRequest(), 1, [], Variables, [AccessToken]);

        command.Should().NotContain(ClientSecret).And.NotContain(WebUtility.UrlEncode(ClientSecret)).And.NotContain(Password);
        command.Should().Contain("# Needs: RATOR_STAGING_PRIMARY_CLIENT_SECRET, RATOR_LOCAL_PRINCIPALS_BRAND1_CUSTOMER_PASSWORD.");
        command.Should().Contain(": \"${RATOR_STAGING_PRIMARY_CLIENT_SECRET:?set it as for the suite run}\"");
        // Sent form-encoded inside Basic (RFC 6749 §2.3.1): encoded again by the shell, then Base64 by curl -u.
        command.Should().Contain("-u 'rator-web:'\"$(rator_urlencode \"${RATOR_STAGING_PRIMARY_CLIENT_SECRET}\")\"");
        command.Should().Contain("--data-raw 'grant_type=password&username=alice.b1&password='\"${RATOR_LOCAL_PRINCIPALS_BRAND1_CUSTOMER_PASSWORD}\"");
        command.Should().Contain("'https://rator.example/rator/oauth/token?brand_key=BRAND1'").And.NotContain("Content-Length");
        command.Should().Contain("the run got: 200.");
    }

    [Test]
    public void A_token_of_the_run_becomes_RATOR_ACCESS_TOKEN_with_the_exchange_that_issued_it()
    {
        var command = CurlCommand.Build(ResourceRequest(), 2, [TokenRequest()], Variables, [AccessToken]);

        command.Should().NotContain(AccessToken);
        command.Should().Contain("-H 'Authorization: Bearer '\"${RATOR_ACCESS_TOKEN}\"");
        command.Should().Contain("set RATOR_ACCESS_TOKEN to the access_token that exchange #1 of this scenario returned");
        command.Should().Contain("-H 'X-RATOR-brand-key: BRAND1'").And.NotContain("-X GET");
    }

    [Test]
    public void The_redactor_leaves_a_command_as_it_is()
    {
        var redactor = new SecretRedactor();
        redactor.RegisterSecret(ClientSecret);
        redactor.RegisterSecret(Password);
        redactor.RegisterToken(AccessToken);

        foreach (var command in new[] { CurlCommand.Build(TokenRequest(), 1, [], Variables, [AccessToken]), CurlCommand.Build(ResourceRequest(), 2, [TokenRequest()], Variables, [AccessToken]) })
        {
            redactor.Redact(command).Should().Be(command);
            redactor.HoldsRegisteredValue(command).Should().BeFalse();
        }
    }

    [Test]
    public void The_recorder_refuses_a_command_that_would_hold_a_secret_it_knows()
    {
        var redactor = new SecretRedactor();
        redactor.RegisterSecret("Unnamed-Secret-77");
        var recorder = new ExchangeRecorder(redactor);
        recorder.Record(new CapturedExchange { Purpose = "x", Method = "POST", Url = "https://rator.example/t", RequestBody = "client_secret=Unnamed-Secret-77" });

        recorder.Reproduce(1, Variables).Should().BeNull("no variable names that secret");
        recorder.Reproduce(2, Variables).Should().BeNull();
    }

    [Test]
    public void The_shell_encodes_a_secret_as_it_was_sent()
    {
        // The command's own bash function, given the variable, must produce what the suite sent.
        var command = CurlCommand.Build(TokenRequest(), 1, [], Variables, []);
        var function = command.Split('\n').Single(l => l.StartsWith("rator_urlencode()", StringComparison.Ordinal));
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true };
        start.Environment["S"] = ClientSecret;
        using var bash = Process.Start(start)!;
        bash.StandardInput.Write(function + "\nrator_urlencode \"$S\"\n");
        bash.StandardInput.Close();
        var encoded = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        WebUtility.UrlDecode(encoded).Should().Be(ClientSecret);
        encoded.Should().Be(Uri.EscapeDataString(ClientSecret));
    }
}
