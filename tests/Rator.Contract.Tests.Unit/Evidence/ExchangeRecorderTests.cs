using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Evidence;

public sealed class ExchangeRecorderTests
{
    private const string Secret = "Qv7-distinctive-secret-Qv7";
    private const string Token = "0b6d7e2f-5c4a-4e3b-8a1f-6d5c4b3a2f1e";

    [Test]
    public void Nothing_unredacted_leaves_the_recorder()
    {
        var redactor = new SecretRedactor();
        redactor.RegisterSecret(Secret);
        var recorder = new ExchangeRecorder(redactor);
        recorder.Record(Captured(1));

        // Issued after the exchange was recorded: still masked, because redaction happens on the way out.
        redactor.RegisterToken(Token);

        var renderings = new List<string> { recorder.Render() };
        foreach (var exchange in recorder.Snapshot())
        {
            renderings.Add(exchange.Render());
            renderings.Add(exchange.ToString());
            renderings.Add(exchange.Url);
            renderings.Add(exchange.RequestBody!);
            renderings.Add(exchange.ResponseBody!);
            renderings.Add(exchange.TransportError!);
            renderings.AddRange(exchange.RequestHeaders.Select(h => h.Value));
        }

        renderings.Add(recorder.Last!.Render());
        renderings.Add(Captured(1).ToString());
        foreach (var text in renderings)
        {
            text.Should().NotContain(Secret).And.NotContain(Token).And.NotContain("Qv7");
        }
    }

    [Test]
    public void Since_gives_only_the_exchanges_after_those_already_seen_numbered_as_in_the_whole_list()
    {
        var recorder = new ExchangeRecorder(new SecretRedactor());
        recorder.Record(Captured(1));
        recorder.Record(Captured(1));
        recorder.Record(Captured(1));

        recorder.Since(1).Select(e => e.Sequence).Should().Equal(2, 3);
        recorder.Since(3).Should().BeEmpty();
        recorder.Snapshot().Select(e => e.Sequence).Should().Equal(1, 2, 3);
    }

    [Test]
    public void Rendering_reads_like_curl()
    {
        var redactor = new SecretRedactor();
        redactor.RegisterSecret(Secret);
        var recorder = new ExchangeRecorder(redactor);
        recorder.Record(Captured(1));

        var text = recorder.Render();

        text.Should().Contain("#1 password grant for customer alice.b1 of BRAND1");
        text.Should().Contain("> POST https://rator.example.com/rator/oauth/token?brand_key=BRAND1&password=«redacted»");
        text.Should().Contain("> Authorization: Basic «redacted»");
        text.Should().Contain("> grant_type=password&username=alice.b1&password=«redacted»");
        text.Should().Contain("< 200 OK (12 ms)");
        text.Should().Contain("< Cache-Control: no-store");
        text.Should().Contain("\"access_token\":\"«token:");
    }

    [Test]
    public void Transport_failures_render_without_a_response()
    {
        var recorder = new ExchangeRecorder(new SecretRedactor());
        recorder.Record(new CapturedExchange
        {
            Purpose = "balance", Method = "GET", Url = "http://127.0.0.1:1/rator/api/x", Duration = TimeSpan.FromMilliseconds(500),
            TransportError = "no answer within 0.5 s (the request timeout, requestTimeoutSeconds)",
        });

        var exchange = recorder.Snapshot().Single();

        exchange.Summary.Should().Be("#1 GET http://127.0.0.1:1/rator/api/x → no response (500 ms)");
        exchange.Render().Should().Contain("! no answer within 0.5 s").And.NotContain("< ");
    }

    [Test]
    public void Long_bodies_are_cut_with_a_note()
    {
        var recorder = new ExchangeRecorder(new SecretRedactor());
        recorder.Record(new CapturedExchange { Purpose = "p", Method = "GET", Url = "http://h/", StatusCode = 500, ResponseBody = new string('x', 5000) });

        recorder.Render(bodyLimit: 100).Should().Contain("… (4900 more characters)");
    }

    [Test]
    public async Task Parallel_recording_keeps_every_exchange_numbered_in_order()
    {
        var recorder = new ExchangeRecorder(new SecretRedactor());

        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() => recorder.Record(Captured(i)))));

        var snapshot = recorder.Snapshot();
        snapshot.Should().HaveCount(200);
        snapshot.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 200));
        snapshot.Select(e => e.Attempt).Should().BeEquivalentTo(Enumerable.Range(1, 200));
    }

    private static CapturedExchange Captured(int attempt) => new()
    {
        Purpose = "password grant for customer alice.b1 of BRAND1",
        Method = "POST",
        Url = $"https://rator.example.com/rator/oauth/token?brand_key=BRAND1&password={Uri.EscapeDataString(Secret)}",
        RequestHeaders = [KeyValuePair.Create("Authorization", "Basic cmF0b3Itd2ViOlF2Ny1kaXN0aW5jdGl2ZS1zZWNyZXQtUXY3"), KeyValuePair.Create("Accept", "application/json")],
        RequestBody = $"grant_type=password&username=alice.b1&password={Secret}",
        StatusCode = 200,
        ReasonPhrase = "OK",
        ResponseHeaders = [KeyValuePair.Create("Content-Type", "application/json"), KeyValuePair.Create("Cache-Control", "no-store")],
        ResponseBody = $"{{\"access_token\":\"{Token}\",\"token_type\":\"bearer\",\"note\":\"echo {Token} {Secret}\"}}",
        Duration = TimeSpan.FromMilliseconds(12),
        Attempt = attempt,
        TransportError = $"echo of {Secret}",
    };
}
