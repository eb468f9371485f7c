using System.Diagnostics.CodeAnalysis;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// The scheme's STS call slots, shaped for availability under a flood of forged tokens: half of the slots (rounded down)
/// serve only access-key ids that verified before; at most <c>perKey</c> calls are in flight per access-key id; and a
/// slot is waited for at most <c>slotWait</c> (far below <c>StsTimeout</c>), after which the request is refused at once
/// instead of queuing behind the flood.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Lives as long as the scheme; a SemaphoreSlim whose wait handle is never read holds nothing to dispose.")]
internal sealed class StsCallGate
{
    private readonly SemaphoreSlim _shared;
    private readonly SemaphoreSlim _reserved;
    private readonly int _reservedCount;
    private readonly int _perKey;
    private readonly TimeSpan _slotWait;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, StsKeySlots> _keys = new(StringComparer.Ordinal);
    private int _waiting;

    public StsCallGate(int total, int perKey, TimeSpan slotWait, TimeProvider time)
    {
        _reservedCount = total / 2;
        _shared = new SemaphoreSlim(total - _reservedCount, total - _reservedCount);
        _reserved = new SemaphoreSlim(_reservedCount, Math.Max(1, _reservedCount));
        _perKey = perKey;
        _slotWait = slotWait;
        _time = time;
    }

    /// <summary>Gets how many requests are waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a slot for <paramref name="keyId"/>; <see langword="null"/> when none freed up within the slot wait.</summary>
    public async Task<IDisposable?> EnterAsync(string keyId, bool known, CancellationToken cancellationToken)
    {
        using var wait = new CancellationTokenSource(_slotWait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, cancellationToken);
        StsKeySlots key = Join(keyId);
        SemaphoreSlim? pool = null;
        bool keyEntered = false;
        Interlocked.Increment(ref _waiting);
        try
        {
            keyEntered = key.Slots.Wait(0, CancellationToken.None) || await WaitAsync(key.Slots, linked.Token).ConfigureAwait(false);
            pool = known && _reserved.Wait(0, CancellationToken.None) ? _reserved
                : _shared.Wait(0, CancellationToken.None) ? _shared
                : known && _reservedCount > 0 ? await WaitForAsync(_reserved, linked.Token).ConfigureAwait(false)
                : await WaitForAsync(_shared, linked.Token).ConfigureAwait(false);
            return new StsCallLease(() => { pool.Release(); Leave(keyId, key, entered: true); });
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            if (pool is null)
            {
                Leave(keyId, key, keyEntered);
            }
        }
    }

    private static async Task<bool> WaitAsync(SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<SemaphoreSlim> WaitForAsync(SemaphoreSlim pool, CancellationToken cancellationToken)
    {
        await pool.WaitAsync(cancellationToken).ConfigureAwait(false);
        return pool;
    }

    private StsKeySlots Join(string keyId)
    {
        lock (_keys)
        {
            if (!_keys.TryGetValue(keyId, out StsKeySlots? key))
            {
                _keys[keyId] = key = new StsKeySlots(_perKey);
            }

            key.Users++;
            return key;
        }
    }

    private void Leave(string keyId, StsKeySlots key, bool entered)
    {
        if (entered)
        {
            key.Slots.Release();
        }

        lock (_keys)
        {
            if (--key.Users == 0)
            {
                _keys.Remove(keyId);
                key.Slots.Dispose();
            }
        }
    }
}
