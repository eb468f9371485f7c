using System.Text;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The fixed part of the <c>Authorization</c> values signed with one signing key,
/// <c>AWS4-HMAC-SHA256 Credential=accessKey/scope, SignedHeaders=list, Signature=</c>, for the last few (access key,
/// signed-headers list) pairs: a signature then only adds its 64 hex characters. Bounded (<see cref="Size"/> entries,
/// replaced in turn), dropped with its key, and holding nothing secret.
/// </summary>
internal sealed class AuthorizationHeads(string scope)
{
    private const int Size = 4;

    private readonly Head?[] _heads = new Head?[Size];
    private int _next;

    public string Get(string accessKey, ReadOnlySpan<byte> signedHeaders)
    {
        Head?[] heads = _heads;
        for (int i = 0; i < heads.Length; i++)
        {
            Head? head = Volatile.Read(ref heads[i]);
            if (head is not null && head.Matches(accessKey, signedHeaders))
            {
                return head.Text;
            }
        }

        var created = new Head(
            accessKey,
            signedHeaders.ToArray(),
            $"{SigV4Constants.Algorithm} Credential={accessKey}/{scope}, SignedHeaders={Encoding.UTF8.GetString(signedHeaders)}, Signature=");
        Volatile.Write(ref heads[(Interlocked.Increment(ref _next) & int.MaxValue) % Size], created);
        return created.Text;
    }

    private sealed class Head(string accessKey, byte[] signedHeaders, string text)
    {
        public string Text { get; } = text;

        public bool Matches(string otherAccessKey, ReadOnlySpan<byte> otherSignedHeaders) =>
            string.Equals(accessKey, otherAccessKey, StringComparison.Ordinal) && otherSignedHeaders.SequenceEqual(signedHeaders);
    }
}
