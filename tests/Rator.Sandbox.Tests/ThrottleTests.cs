namespace Rator.Sandbox.Tests;

/// <summary>
/// Brute-force throttling (TE-11, PW-05) on the dedicated lockout accounts: ten failures within the
/// window lock only that client id or username, even for the correct secret, until the window passes.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ThrottleTests
{
    private static Task<RunningSandbox> Start(int windowSeconds = 60) =>
        RunningSandbox.StartAsync(new SandboxOptions { ThrottleWindowSeconds = windowSeconds });

    private static Task<Reply> LockoutPassword(SandboxClient api, string clientSecret, string password = "Lockout-Pass-1") =>
        api.PasswordAsync(Fixtures.LockoutUser with { Password = password }, client: Fixtures.Lockout with { Secret = clientSecret });

    [Test]
    public async Task Ten_bad_client_secrets_lock_that_client_only()
    {
        await using var sandbox = await Start();
        for (var i = 0; i < 10; i++)
            (await LockoutPassword(sandbox.Client, "wrong-" + i)).Status.Should().Be(401);

        var locked = await LockoutPassword(sandbox.Client, Fixtures.Lockout.Secret);

        locked.Status.Should().Be(429);
        locked.Error.Should().Be("invalid_client");
        int.Parse(locked.Header("Retry-After")!).Should().BeInRange(1, 60);
        locked.Header("Cache-Control").Should().Be("no-store");
        (await sandbox.Client.PasswordAsync(Fixtures.LockoutUser)).Status.Should().Be(200, "other clients are unaffected");
    }

    [Test]
    public async Task Ten_bad_passwords_lock_that_username_only()
    {
        await using var sandbox = await Start();
        for (var i = 0; i < 10; i++)
            (await LockoutPassword(sandbox.Client, Fixtures.Lockout.Secret, "wrong-" + i)).Error.Should().Be("invalid_grant");

        var locked = await LockoutPassword(sandbox.Client, Fixtures.Lockout.Secret);

        locked.Status.Should().Be(429);
        locked.Error.Should().Be("invalid_grant");
        locked.Header("Retry-After").Should().NotBeNull();
        (await sandbox.Client.PasswordAsync(Fixtures.Alice, client: Fixtures.Lockout)).Status.Should().Be(200, "other users are unaffected");
    }

    [Test]
    public async Task Success_resets_the_count()
    {
        await using var sandbox = await Start();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 9; i++) await LockoutPassword(sandbox.Client, Fixtures.Lockout.Secret, "wrong");
            (await LockoutPassword(sandbox.Client, Fixtures.Lockout.Secret)).Status.Should().Be(200);
        }
    }

    [Test]
    public async Task The_lock_ends_when_the_window_passes()
    {
        await using var sandbox = await Start(windowSeconds: 2);
        for (var i = 0; i < 10; i++) await LockoutPassword(sandbox.Client, "wrong");
        (await LockoutPassword(sandbox.Client, Fixtures.Lockout.Secret)).Status.Should().Be(429);

        await Task.Delay(TimeSpan.FromSeconds(2.2));

        (await LockoutPassword(sandbox.Client, Fixtures.Lockout.Secret)).Status.Should().Be(200);
    }

    [Test]
    public async Task Unknown_usernames_are_throttled_like_known_ones()
    {
        await using var sandbox = await Start();
        var ghost = new User("ghost.b1", "x", "BRAND1", null, null);
        for (var i = 0; i < 10; i++) await sandbox.Client.PasswordAsync(ghost, client: Fixtures.Lockout);
        (await sandbox.Client.PasswordAsync(ghost, client: Fixtures.Lockout)).Status.Should().Be(429);
    }
}
