using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>The STS call slots, driven directly so the waiting is deterministic: half kept for known access keys, a bound
/// per access key, and a short slot wait.</summary>
public sealed class StsCallLimitTests
{
    private static readonly TimeSpan SlotWait = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _time = new(Principals.Start);

    [Fact]
    public async Task UnknownKeys_TakeOnlyTheSharedHalf_KnownKeysStillEnter()
    {
        var gate = new StsCallGate(4, 4, SlotWait, _time);
        (await gate.EnterAsync("AKIA1", known: false, CancellationToken.None)).ShouldNotBeNull();
        (await gate.EnterAsync("AKIA2", known: false, CancellationToken.None)).ShouldNotBeNull();

        Task<IDisposable?> third = gate.EnterAsync("AKIA3", known: false, CancellationToken.None);
        (await gate.EnterAsync("AKIAKNOWN", known: true, CancellationToken.None)).ShouldNotBeNull();
        (await gate.EnterAsync("AKIAKNOWN", known: true, CancellationToken.None)).ShouldNotBeNull();
        third.IsCompleted.ShouldBeFalse();
        _time.Advance(SlotWait);

        (await third).ShouldBeNull("no shared slot freed up within the slot wait");
    }

    [Fact]
    public async Task OneAccessKey_HasAtMostItsBoundInFlight()
    {
        var gate = new StsCallGate(32, 2, SlotWait, _time);
        IDisposable? first = await gate.EnterAsync("AKIAX", known: false, CancellationToken.None);
        (await gate.EnterAsync("AKIAX", known: false, CancellationToken.None)).ShouldNotBeNull();

        Task<IDisposable?> third = gate.EnterAsync("AKIAX", known: false, CancellationToken.None);
        (await gate.EnterAsync("AKIAY", known: false, CancellationToken.None)).ShouldNotBeNull("another key is not held up");
        third.IsCompleted.ShouldBeFalse();
        gate.Waiting.ShouldBe(1);
        first!.Dispose();

        (await third).ShouldNotBeNull("a slot of the key freed up within the wait");
    }

    [Fact]
    public async Task SlotWait_IsFarBelowStsTimeout_AndRefusesWithoutWaitingLonger()
    {
        var gate = new StsCallGate(1, 1, SlotWait, _time);
        using IDisposable? held = await gate.EnterAsync("AKIA1", known: false, CancellationToken.None);

        Task<IDisposable?> waiting = gate.EnterAsync("AKIA2", known: false, CancellationToken.None);
        _time.Advance(SlotWait - TimeSpan.FromMilliseconds(1));
        waiting.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await waiting).ShouldBeNull();
        gate.Waiting.ShouldBe(0);
    }

    [Fact]
    public async Task ALeaseGivenBack_FreesItsSlotAndItsKeySlot()
    {
        var gate = new StsCallGate(1, 1, SlotWait, _time);
        IDisposable? lease = await gate.EnterAsync("AKIA1", known: false, CancellationToken.None);
        lease!.Dispose();
        lease.Dispose();

        using IDisposable? again = await gate.EnterAsync("AKIA1", known: false, CancellationToken.None);
        again.ShouldNotBeNull();
    }
}
