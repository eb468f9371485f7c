using ServiceAuth.Client.Tests.Credentials.RefreshAhead;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 18, for every user of the refresh-ahead engine: a value that is still valid is served whatever the
/// refresh does, also in the last window where callers wait for the refresh; the failure is thrown only once nothing
/// valid is left.</summary>
public sealed class LastWindowFailureTests
{
    [Theory]
    [MemberData(nameof(RefreshSubject.Users), MemberType = typeof(RefreshSubject))]
    public async Task RefreshFailsInTheLastMinute_TheStillValidValueIsServedUntilItExpires(string user)
    {
        RefreshSubject subject = RefreshSubject.Create(user);
        string original = await subject.GetAsync();
        subject.Fail();

        subject.Time.Advance(TimeSpan.FromMinutes(59.5));
        string inLastMinute = await subject.GetAsync();
        string again = await subject.GetAsync();
        subject.Time.Advance(TimeSpan.FromSeconds(30));

        inLastMinute.ShouldBe(original);
        again.ShouldBe(original);
        subject.Calls.ShouldBe(2, "one failed refresh, then a short pause before the next try");
        await Should.ThrowAsync<ServiceAuthException>(subject.GetAsync);
    }
}
