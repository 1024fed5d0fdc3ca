using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// A TLS ClientHello written byte by byte (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2) and the first record of the answer
/// read back: enough to learn which protocol a server accepts without completing a handshake, and without asking this
/// machine's TLS library, which may refuse to offer TLS 1.0 and 1.1 at all (OpenSSL 3 at its default security level).
/// A server that accepts the offer answers with a ServerHello naming the version it chose; one that refuses answers
/// with an alert or closes the connection. Nothing but the hello is sent: no key exchange, no credentials.
/// </summary>
public static class TlsHello
{
    public enum Offer
    {
        /// <summary>TLS 1.0 and 1.1 only (legacy_version 1.1, no supported_versions): what RFC 8996 says a server must refuse.</summary>
        LegacyOnly,

        /// <summary>TLS 1.2 and 1.3: the hello any current client sends, to tell whether a port speaks TLS at all.</summary>
        Current,
    }

    public enum Reply { ServerHello, Alert, Closed, NotTls, NoAnswer }

    /// <param name="Version">The version the ServerHello chose (0x0301 TLS 1.0 ... 0x0304 TLS 1.3).</param>
    /// <param name="CipherSuite">The cipher suite it chose.</param>
    /// <param name="Alert">The alert's description (RFC 8446 §6: 70 protocol_version, 40 handshake_failure...).</param>
    public sealed record Answer(Reply Kind, ushort? Version = null, ushort? CipherSuite = null, byte? Alert = null, string? Detail = null)
    {
        /// <summary>The server took part in TLS: a ServerHello or a TLS alert.</summary>
        public bool SpeaksTls => Kind is Reply.ServerHello or Reply.Alert;

        public override string ToString() => Kind switch
        {
            Reply.ServerHello => $"a ServerHello choosing {VersionName(Version!.Value)} with {SuiteName(CipherSuite)}",
            Reply.Alert => $"the TLS alert {AlertName(Alert!.Value)}",
            Reply.Closed => "the connection closed without an answer",
            Reply.NotTls => $"an answer that is not TLS ({Detail})",
            _ => Detail ?? "no answer",
        };
    }

    /// <summary>Sends the hello on <paramref name="stream"/> and reads the first record of the answer.</summary>
    public static async Task<Answer> OfferAsync(Stream stream, string host, Offer offer, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await stream.WriteAsync(ClientHello(host, offer), limit.Token);
            var header = new byte[5];
            var got = await ReadAtMostAsync(stream, header, limit.Token);
            if (got == 0)
                return new Answer(Reply.Closed);
            if (got < 5 || header[0] is not (0x15 or 0x16) || header[1] != 0x03)
                return new Answer(Reply.NotTls, Detail: Printable(header.AsSpan(0, got)));

            var body = new byte[Math.Min((int)BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3)), 16 * 1024)];
            var read = await ReadAtMostAsync(stream, body, limit.Token);
            if (header[0] == 0x15)
                return read >= 2 ? new Answer(Reply.Alert, Alert: body[1]) : new Answer(Reply.Closed);
            return ParseServerHello(body.AsSpan(0, read));
        }
        catch (OperationCanceledException)
        {
            return new Answer(Reply.NoAnswer, Detail: $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
        {
            return new Answer(Reply.Closed, Detail: "reset");
        }
    }

    public static string VersionName(ushort version) => version switch
    {
        0x0300 => "SSL 3.0",
        0x0301 => "TLS 1.0",
        0x0302 => "TLS 1.1",
        0x0303 => "TLS 1.2",
        0x0304 => "TLS 1.3",
        _ => $"version 0x{version:x4}",
    };

    public static string SuiteName(ushort? suite) =>
        suite is { } value && Enum.IsDefined(typeof(System.Net.Security.TlsCipherSuite), value)
            ? ((System.Net.Security.TlsCipherSuite)value).ToString()
            : suite is { } other ? $"cipher suite 0x{other:x4}" : "no cipher suite";

    public static string AlertName(byte alert) => alert switch
    {
        40 => "handshake_failure (40)",
        47 => "illegal_parameter (47)",
        70 => "protocol_version (70)",
        71 => "insufficient_security (71)",
        80 => "internal_error (80)",
        86 => "inappropriate_fallback (86)",
        112 => "unrecognized_name (112)",
        _ => $"{alert}",
    };

    private static Answer ParseServerHello(ReadOnlySpan<byte> handshake)
    {
        // handshake type (1) + length (3) + legacy_version (2) + random (32) + session id (1 + n) + cipher suite (2)
        if (handshake.Length < 39 || handshake[0] != 0x02)
            return new Answer(Reply.NotTls, Detail: "a handshake record that is not a ServerHello");
        var version = BinaryPrimitives.ReadUInt16BigEndian(handshake[4..]);
        var sessionIdLength = handshake[38];
        var at = 39 + sessionIdLength;
        if (handshake.Length < at + 2)
            return new Answer(Reply.ServerHello, version);
        var suite = BinaryPrimitives.ReadUInt16BigEndian(handshake[at..]);

        // TLS 1.3 names its version in the supported_versions extension (RFC 8446 §4.2.1), not in legacy_version.
        var extensions = at + 2 + 1;
        if (handshake.Length >= extensions + 2)
        {
            var end = Math.Min(handshake.Length, extensions + 2 + BinaryPrimitives.ReadUInt16BigEndian(handshake[extensions..]));
            for (var i = extensions + 2; i + 4 <= end;)
            {
                var type = BinaryPrimitives.ReadUInt16BigEndian(handshake[i..]);
                var length = BinaryPrimitives.ReadUInt16BigEndian(handshake[(i + 2)..]);
                if (type == 0x002b && length == 2 && i + 6 <= end)
                    version = BinaryPrimitives.ReadUInt16BigEndian(handshake[(i + 4)..]);
                i += 4 + length;
            }
        }

        return new Answer(Reply.ServerHello, version, suite);
    }

    private static byte[] ClientHello(string host, Offer offer)
    {
        ushort[] suites = offer == Offer.LegacyOnly
            // What a TLS 1.0/1.1 server can pick from, for RSA and ECDSA keys alike, with the renegotiation SCSV.
            ? [0xc00a, 0xc009, 0xc014, 0xc013, 0x0039, 0x0033, 0x0035, 0x002f, 0x000a, 0x00ff]
            : [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc009, 0xc013, 0x009c, 0x002f, 0x00ff];
        var extensions = new List<byte>();
        if (!IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            var name = Encoding.ASCII.GetBytes(host);
            Extension(extensions, 0x0000, [.. U16(name.Length + 3), 0x00, .. U16(name.Length), .. name]);
        }

        Extension(extensions, 0x000a, [.. U16(6), 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18]); // x25519, P-256, P-384
        Extension(extensions, 0x000b, [0x01, 0x00]);                                    // uncompressed points
        if (offer == Offer.Current)
        {
            // ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256, ecdsa_secp384r1_sha384, rsa_pss_rsae_sha384
            Extension(extensions, 0x000d, [.. U16(10), 0x04, 0x03, 0x08, 0x04, 0x04, 0x01, 0x05, 0x03, 0x08, 0x05]);
            Extension(extensions, 0x002b, [0x04, 0x03, 0x04, 0x03, 0x03]);              // supported_versions: 1.3, 1.2
            var share = X25519Share();
            Extension(extensions, 0x0033, [.. U16(share.Length + 4), 0x00, 0x1d, .. U16(share.Length), .. share]);
        }

        var hello = new List<byte>();
        hello.AddRange(offer == Offer.LegacyOnly ? [0x03, 0x02] : [0x03, 0x03]);
        hello.AddRange(RandomNumberGenerator.GetBytes(32));
        hello.Add(0x00);
        hello.AddRange(U16(suites.Length * 2));
        foreach (var suite in suites)
            hello.AddRange(U16(suite));
        hello.AddRange([0x01, 0x00]);
        hello.AddRange(U16(extensions.Count));
        hello.AddRange(extensions);

        var handshake = new List<byte> { 0x01, (byte)(hello.Count >> 16), (byte)(hello.Count >> 8), (byte)hello.Count };
        handshake.AddRange(hello);
        var record = new List<byte> { 0x16, 0x03, 0x01 };
        record.AddRange(U16(handshake.Count));
        record.AddRange(handshake);
        return [.. record];
    }

    // Any 32 bytes are a valid X25519 public value (RFC 7748 §5): the share only has to be well-formed, since the
    // handshake never goes past the server's first answer.
    private static byte[] X25519Share() => RandomNumberGenerator.GetBytes(32);

    private static void Extension(List<byte> extensions, ushort type, byte[] data)
    {
        extensions.AddRange(U16(type));
        extensions.AddRange(U16(data.Length));
        extensions.AddRange(data);
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static async Task<int> ReadAtMostAsync(Stream stream, byte[] buffer, CancellationToken cancellation)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellation);
            if (read == 0)
                break;
            total += read;
        }

        return total;
    }

    private static string Printable(ReadOnlySpan<byte> bytes) =>
        new(Encoding.ASCII.GetString(bytes).Select(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '/' or '.' ? c : '.').ToArray());
}
