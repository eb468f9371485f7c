namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>Credentials a target can reject: the signing handler tells the cache which access key was refused.</summary>
internal interface IInvalidatableCredentials
{
    /// <summary>Drops the cached credentials if they still hold <paramref name="accessKeyId"/>; returns whether they did.</summary>
    bool Invalidate(string accessKeyId);

    /// <summary>Whether the cached credentials still hold <paramref name="accessKeyId"/> (a refused invalidation then
    /// means a resend would carry the same rejected key).</summary>
    bool Holds(string accessKeyId);
}
