namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// What a malformed address carries beside the request's own parameters (ER-06): each is an extra, unknown parameter
/// the deployment may ignore (RFC 6749 §3.2) or refuse, never a server error. Only escapes System.Uri sends unchanged.
/// </summary>
public enum AddressOddity
{
    /// <summary>A multi-byte UTF-8 character cut short (%E0%A4).</summary>
    TruncatedCharacter,

    /// <summary>Bytes that are no UTF-8 at all (%FF%FE).</summary>
    InvalidBytes,

    /// <summary>A field with a value but no name (=orphan).</summary>
    NamelessParameter,
}

public static class AddressOddities
{
    public static string QuerySuffix(this AddressOddity oddity) => oddity switch
    {
        AddressOddity.TruncatedCharacter => "x_note=%E0%A4",
        AddressOddity.InvalidBytes => "x_note=%FF%FE",
        AddressOddity.NamelessParameter => "=orphan",
        _ => throw new ArgumentOutOfRangeException(nameof(oddity), oddity, null),
    };
}
