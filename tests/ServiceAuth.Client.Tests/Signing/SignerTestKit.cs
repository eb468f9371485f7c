using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Shared inputs for the signer tests: fixed credentials and time, and a way to see the canonical request.</summary>
internal static class SignerTestKit
{
    public static readonly DateTimeOffset Time = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

    public static readonly ImmutableCredentials CredentialsWithToken = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token/with+reserved=");

    public static SigV4SigningParameters Parameters(string service = "execute-api", PayloadSigningMode payload = PayloadSigningMode.Sha256, long? maxBuffered = null) => new()
    {
        Region = "eu-west-1",
        Service = service,
        SigningTime = Time,
        PayloadSigning = payload,
        MaxBufferedPayloadBytes = maxBuffered ?? 10 * 1024 * 1024,
    };

    /// <summary>Signs the request in header mode and returns the trace.</summary>
    public static SigningTrace Sign(HttpRequestMessage request, string service = "execute-api", ImmutableCredentials? credentials = null)
    {
        var trace = new SigningTrace();
        new SigV4Signer().Sign(request, credentials ?? Credentials, Parameters(service), trace);
        return trace;
    }

    public static string[] Lines(SigningTrace trace) => trace.CanonicalRequest.Split('\n');

    public static string CanonicalPath(SigningTrace trace) => Lines(trace)[1];

    public static string CanonicalQuery(SigningTrace trace) => Lines(trace)[2];

    public static string SignedHeaders(SigningTrace trace) => Lines(trace)[^2];

    public static string PayloadHash(SigningTrace trace) => Lines(trace)[^1];

    /// <summary>The canonical header lines (<c>name:value</c>).</summary>
    public static string[] CanonicalHeaderLines(SigningTrace trace)
    {
        string[] lines = Lines(trace);
        int end = Array.IndexOf(lines, string.Empty, 3);
        return lines[3..end];
    }

    public static string Sha256Hex(byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
}
