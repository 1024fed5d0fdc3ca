using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Assertions;

/// <summary>Answers as a deployment could have sent them, and as a run records them, for the judgements' own tests.</summary>
internal static class SyntheticAnswers
{
    public static readonly Uri TokenEndpointUrl = new("https://rator.example/rator/oauth/token");

    public static ApiResponse Received(int status, string body = "", params (string Name, string Value)[] headers) =>
        ApiResponse.Received(status, body, headers.Select(h => KeyValuePair.Create(h.Name, h.Value)));

    public static string OAuth(string code, string description = "Refused") =>
        $$"""{"error":"{{code}}","error_description":"{{description}}"}""";

    public static RecordedAnswer Recorded(ApiResponse answer, string scenario = "Synthetic — an answer", int sequence = 1, string method = "POST",
        Uri? url = null, bool wellFormed = true, bool triedBasic = true) => new()
    {
        Scenario = scenario,
        Exchange = $"#{sequence} {method} {url ?? TokenEndpointUrl} → {answer.StatusCode}",
        Method = method,
        Url = url ?? TokenEndpointUrl,
        WellFormedRequest = wellFormed,
        TriedBasic = triedBasic,
        Answer = answer,
    };
}
