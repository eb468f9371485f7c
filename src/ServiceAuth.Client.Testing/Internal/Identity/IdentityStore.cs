using System.Collections.Concurrent;

namespace ServiceAuth.Client.Testing.Internal.Identity;

/// <summary>The access keys the endpoint knows, thread-safe.</summary>
internal sealed class IdentityStore
{
    private readonly ConcurrentDictionary<string, KeyRecord> _keys = new(StringComparer.Ordinal);

    public void Add(KeyRecord record)
    {
        if (!_keys.TryAdd(record.AccessKeyId, record))
        {
            throw new InvalidOperationException($"The access key id '{record.AccessKeyId}' is already registered.");
        }
    }

    public KeyRecord? Find(string accessKeyId) => _keys.TryGetValue(accessKeyId, out KeyRecord? record) ? record : null;

    public void ExpireAllTemporary()
    {
        foreach (KeyRecord record in _keys.Values)
        {
            if (record.IsTemporary)
            {
                record.ForceExpire();
            }
        }
    }
}
