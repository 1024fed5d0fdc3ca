using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>What the deployment answered in this scenario: the latest answer, and all answers of a burst.</summary>
public sealed class Answers
{
    private readonly List<ApiResponse> _all = [];

    public ApiResponse Last => _all.LastOrDefault()
        ?? throw new InvalidOperationException("No request was made yet: a When step must send one first.");

    public IReadOnlyList<ApiResponse> All => _all;

    /// <summary>Answers of the latest burst or comparison (PW-04, SH-01, SH-06, SH-07...).</summary>
    public IReadOnlyList<ApiResponse> Batch { get; private set; } = [];

    /// <summary>The token request behind <see cref="Last"/>, when the last answer came from the token endpoint.</summary>
    public TokenRequest? LastTokenRequest { get; private set; }

    /// <summary>The last answer came from a resource, not the token endpoint.</summary>
    public bool LastWasResource { get; private set; }

    /// <summary>A made-up token the scenario presented, to check that no answer repeats it (SH-03).</summary>
    public string? PresentedForgery { get; set; }

    public ApiResponse RecordTokenAnswer(ApiResponse response, TokenRequest? request)
    {
        _all.Add(response);
        (LastTokenRequest, LastWasResource) = (request, false);
        return response;
    }

    public ApiResponse RecordResourceAnswer(ApiResponse response)
    {
        _all.Add(response);
        (LastTokenRequest, LastWasResource) = (null, true);
        return response;
    }

    public void RecordBatch(IReadOnlyList<ApiResponse> responses)
    {
        _all.AddRange(responses);
        Batch = responses;
    }
}
