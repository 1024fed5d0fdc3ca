using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Sandbox;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>The typed clients against the real embedded sandbox, through local.json: the fixtures line up.</summary>
public sealed class SandboxClientTests
{
    private SandboxHost sandbox = null!;
    private ClientFixture client = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => sandbox = await SandboxHost.StartAsync(new SandboxOptions());

    [OneTimeTearDown]
    public async Task StopSandbox() => await sandbox.DisposeAsync();

    [SetUp]
    public void SetUp() => client = new ClientFixture(sandbox.BaseUrl, TimeSpan.FromSeconds(10));

    [TearDown]
    public void TearDown()
    {
        var evidence = client.Recorder.Render();
        client.Dispose();
        foreach (var secret in client.Profile.SecretValues)
        {
            evidence.Should().NotContain(secret, "no loaded secret may reach the evidence");
        }
    }

    private TokenEndpoint Tokens => client.Api.Tokens;
    private ResourceApi Resources => client.Api.Resources;
    private Principal Customer(string brand = "BRAND1") => client.Profile.RequirePrincipal(brand, PrincipalRole.Customer);
    private Principal Operator(string brand = "BRAND1") => client.Profile.RequirePrincipal(brand, PrincipalRole.Operator);

    [Test]
    public async Task A_customer_token_reads_the_customers_balance()
    {
        var alice = Customer();
        var token = await Tokens.GetPasswordTokenAsync(alice);

        var balance = await Resources.RequestBalanceAsync(alice.BillingGroupId!, token.AccessToken, alice.Brand);

        token.Response.Token!.IsBearer.Should().BeTrue();
        token.ExpiresIn.Should().BeInRange(1, 1800);
        token.RefreshToken.Should().NotBeNullOrEmpty();
        balance.StatusCode.Should().Be(200, balance.Describe());
        balance.JsonString("billingGroupId").Should().Be(alice.BillingGroupId);
        client.Recorder.Render().Should().NotContain(token.AccessToken).And.Contain(client.Redactor.Fingerprint(token.AccessToken));
    }

    [Test]
    public async Task Operator_grant_and_client_credentials_reach_the_operator_only_resource_a_customer_cannot()
    {
        var alice = Customer();
        var customerToken = await Tokens.GetPasswordTokenAsync(alice);
        var operatorToken = await Tokens.GetOperatorTokenAsync(Operator());
        var clientCredentials = await Tokens.GetClientCredentialsTokenAsync("BRAND1");

        var asCustomer = await Resources.RequestOperatorOnlyAsync(alice.CustomerId!, customerToken.AccessToken, "BRAND1");
        var asOperator = await Resources.RequestOperatorOnlyAsync(alice.CustomerId!, operatorToken.AccessToken, "BRAND1");
        var asClient = await Resources.RequestOperatorOnlyAsync(alice.CustomerId!, clientCredentials.AccessToken, "BRAND1");

        asCustomer.StatusCode.Should().Be(403, asCustomer.Describe());
        asCustomer.Error!.Code.Should().Be("access_denied");
        asOperator.StatusCode.Should().Be(200, asOperator.Describe());
        asClient.StatusCode.Should().Be(200, asClient.Describe());
        clientCredentials.RefreshToken.Should().BeNull("RFC 6749 §4.4.3 (CC-02)");
    }

    [Test]
    public async Task Refresh_with_the_issuing_client_and_brand()
    {
        var token = await Tokens.GetPasswordTokenAsync(Customer());

        var refreshed = await Tokens.GetRefreshedTokenAsync(token);

        refreshed.AccessToken.Should().NotBe(token.AccessToken);
        var old = await Resources.RequestBalanceAsync(Customer().BillingGroupId!, token.AccessToken, "BRAND1");
        old.StatusCode.Should().Be(401, "the environment says the old access token is revoked on refresh");
    }

    [Test]
    public async Task The_second_client_authenticates_with_its_special_character_secret()
    {
        var partner = client.Profile.RequireClient(ClientRole.Second);

        var response = await Tokens.RequestAsync(TokenRequest.Password(Customer()).WithClient(partner));

        response.StatusCode.Should().Be(200, response.Describe());
        client.Recorder.Render().Should().NotContain("Partner");
    }

    [Test]
    public async Task Refusals_come_back_as_readable_responses()
    {
        var alice = Customer();
        var noBrand = await Tokens.RequestPasswordGrantAsync(alice, brand: null);
        var otherBrand = await Tokens.RequestPasswordGrantAsync(alice, "BRAND2");
        var locked = await Tokens.RequestAsync(TokenRequest.Password(client.Profile.RequirePrincipal("BRAND1", PrincipalRole.LockedCustomer)));
        var wrongSecret = await Tokens.RequestAsync(TokenRequest.Password(alice).WithClient(client.Profile.Clients.Primary with { Secret = "not-the-secret" }));
        var noToken = await Resources.RequestAsync(ResourceRequest.Balance(alice.BillingGroupId!, null, "BRAND1"));

        noBrand.StatusCode.Should().Be(400);
        noBrand.Error!.Code.Should().Be("invalid_request");
        noBrand.IssuedToken.Should().BeFalse();
        otherBrand.Error!.Code.Should().Be("invalid_grant");
        locked.Error!.Code.Should().Be("invalid_grant");
        wrongSecret.StatusCode.Should().Be(401);
        wrongSecret.Challenges.Should().Contain(c => c.IsScheme("Basic"));
        noToken.StatusCode.Should().Be(401);
        noToken.Challenges.Should().ContainSingle(c => c.IsScheme("Bearer")).Which.Parameter("error").Should().BeNull();
    }

    [Test]
    public async Task The_dedicated_roles_line_up_with_the_sandbox_fixtures()
    {
        var service = client.Profile.RequireClient(ClientRole.ServiceOnly);
        var bruteForce = client.Profile.RequireClient(ClientRole.BruteForce);
        var lockoutCustomer = client.Profile.RequirePrincipal("BRAND1", PrincipalRole.BruteForceCustomer);

        var serviceAsUser = await Tokens.RequestAsync(TokenRequest.Password(Customer()).WithClient(service));
        var serviceToken = await Tokens.GetClientCredentialsTokenAsync("BRAND1", client: service);
        var lockout = await Tokens.GetTokenAsync(TokenRequest.Password(lockoutCustomer).WithClient(bruteForce));

        serviceAsUser.Error!.Code.Should().Be("unauthorized_client", serviceAsUser.Describe());
        serviceToken.AccessToken.Should().NotBeNullOrEmpty();
        lockout.AccessToken.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task The_documented_examples_work_against_the_sandbox()
    {
        var alice = Customer();
        var token = await Tokens.GetPasswordTokenAsync(alice);
        var examples = new[]
        {
            DocumentedExamples.BrandPagePassword(alice, "BRAND1"),
            DocumentedExamples.AuthenticationPagePassword(alice, "BRAND1"),
            DocumentedExamples.AuthenticationPageOperator(Operator(), "BRAND1"),
            DocumentedExamples.AuthenticationPageClientCredentials("op.b1", "BRAND1"),
            DocumentedExamples.RefreshExample(token.RefreshToken!, "BRAND1"),
        };

        foreach (var example in examples)
        {
            var response = await Tokens.RequestAsync(example);
            response.IssuedToken.Should().BeTrue(response.Purpose + ": " + response.Describe());
        }

        var balance = await Resources.RequestAsync(DocumentedExamples.BrandPageBalance(alice.BillingGroupId!, token.AccessToken, "BRAND1"));
        balance.StatusCode.Should().Be(401, "the refresh example just retired this access token");
    }

    [Test]
    public async Task A_setup_failure_is_one_readable_sentence()
    {
        var alice = Customer() with { Password = "wrong-password-for-setup" };

        var setup = () => Tokens.GetPasswordTokenAsync(alice);

        (await setup.Should().ThrowAsync<SetupFailedException>()).Which.Message.Should()
            .StartWith("Setup could not get a token for password grant for customer alice.b1 of BRAND1")
            .And.Contain("400 Bad Request with error invalid_grant")
            .And.NotContain("wrong-password-for-setup");
    }
}
