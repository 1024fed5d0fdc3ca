namespace Rator.Sandbox.OAuth;

/// <summary>What a successful grant answers (RFC 6749 §5.1).</summary>
internal sealed record IssuedTokens(string AccessToken, string? RefreshToken, int ExpiresIn, string Scope);
