namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>The in-flight STS calls of one access-key id, and how many requests hold or wait for them (guarded by the
/// gate's lock; removed at zero so the table holds only keys in use).</summary>
internal sealed class StsKeySlots(int perKey)
{
    public SemaphoreSlim Slots { get; } = new(perKey, perKey);

    public int Users { get; set; }
}
