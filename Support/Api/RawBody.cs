namespace Rator.Contract.Tests.Support.Api;

/// <summary>A request body sent as is, for the malformed-input probes (ER-06): content type and how to derive it from the form.</summary>
public sealed record RawBody(string ContentType, Func<string, string> Transform);
