using ServiceAuth.Client.SnsMessages.Internal;

namespace ServiceAuth.Client.Tests.SnsMessages;

public sealed class ReplayWindowTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Fact]
    public void TryAccept_SameIdWithinTheWindow_IsRefused_AndAcceptedAfterIt()
    {
        var window = new ReplayWindow(10);

        window.TryAccept("a", Now.AddMinutes(5), Now).ShouldBeTrue();
        window.TryAccept("a", Now.AddMinutes(5), Now.AddMinutes(4)).ShouldBeFalse();
        window.TryAccept("a", Now.AddMinutes(10), Now.AddMinutes(5)).ShouldBeTrue();
    }

    [Fact]
    public void TryAccept_BeyondCapacity_ForgetsTheOldestFirst()
    {
        var window = new ReplayWindow(3);

        foreach (string id in new[] { "a", "b", "c", "d" })
        {
            window.TryAccept(id, Now.AddHours(1), Now).ShouldBeTrue();
        }

        window.Count.ShouldBe(3);
        window.TryAccept("d", Now.AddHours(1), Now).ShouldBeFalse();
        window.TryAccept("a", Now.AddHours(1), Now).ShouldBeTrue();
    }
}
