namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// A scenario's setup could not get what it needs (a token): the scenario stops at once with what was asked and
/// what came back (status and a redacted body excerpt), rather than failing later with a confusing message.
/// </summary>
public sealed class SetupFailedException : Exception
{
    public SetupFailedException(string message, ApiResponse response)
        : base(message) => Response = response;

    public ApiResponse Response { get; }
}
