using System.Collections.Specialized;
using System.Security.Cryptography;
using System.Text;
using Bogus;

namespace Rator.Contract.Tests.Support.Data;

/// <summary>
/// Made-up data for one scenario: unknown users, wrong passwords, random brand keys, forged tokens.
/// Seeded per scenario (never Bogus' global seed, scenarios run in parallel) from the run's seed and the
/// scenario's identity, and the seed is printed, so a failing scenario can be replayed exactly.
/// Known accounts never come from here: they come from the environment file.
/// </summary>
public sealed class TestData(int seed)
{
    private readonly Faker _faker = new() { Random = new Randomizer(seed) };

    public int Seed { get; } = seed;

    public static int SeedFor(int runSeed, string scenarioTitle, IOrderedDictionary? arguments)
    {
        var identity = new StringBuilder(scenarioTitle);
        if (arguments is not null)
            foreach (var key in arguments.Keys)
                identity.Append('|').Append(arguments[key]);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runSeed}:{identity}"));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }

    /// <summary>A plausible username that no deployment has (a suffix no real account carries).</summary>
    public string UnknownUsername() => $"{_faker.Internet.UserName().ToLowerInvariant()}.{_faker.Random.AlphaNumeric(10)}";

    /// <summary>A password that looks real but is nobody's.</summary>
    public string WrongPassword() => _faker.Internet.Password(14, memorable: false, prefix: "Wr0ng!");

    /// <summary>A brand key no deployment has: upper-case like real ones, but random.</summary>
    public string UnknownBrandKey() => "NOBRAND" + _faker.Random.AlphaNumeric(8).ToUpperInvariant();

    /// <summary>A token in the shape of an opaque bearer token (Base64url, 43 characters), issued by nobody.</summary>
    public string ForgedToken() => Base64Url(_faker.Random.Bytes(32));

    /// <summary>A random string of exactly this length, from this alphabet.</summary>
    public string Text(int length, string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    {
        var characters = alphabet.ToCharArray();
        return new(Enumerable.Range(0, length).Select(_ => _faker.Random.ArrayElement(characters)).ToArray());
    }

    public string Word() => _faker.Lorem.Word();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public override string ToString() => $"test data (seed {Seed})";
}
