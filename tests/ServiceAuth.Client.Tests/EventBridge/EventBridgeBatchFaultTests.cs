using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Tests.EventBridge.Support;

namespace ServiceAuth.Client.Tests.EventBridge;

/// <summary>Issue 9 item 1 on the EventBridge publisher: whatever a request throws (not only EventBridge or HTTP errors),
/// the other requests' results are kept and every event ends with exactly one result.</summary>
public sealed class EventBridgeBatchFaultTests
{
    public static TheoryData<int, string> Cases() => new()
    {
        { 1, "disposed" }, { 4, "disposed" }, { 1, "signing" }, { 4, "signing" }, { 4, "credentials" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PublishBatchAsync_ARequestThrowsAnUnexpectedException_OtherRequestsKeepTheirResults(int concurrency, string fault)
    {
        Exception failure = fault switch
        {
            "disposed" => new ObjectDisposedException("primary handler"),
            "signing" => new SigningException("no region"),
            _ => new ServiceAuth.Client.Credentials.CredentialsUnavailableException("Could not assume role 'arn:aws:iam::222233334444:role/r'."),
        };
        using var host = new EventBridgeTestHost<string>(o => o.MaxConcurrentBatchRequests = concurrency, r =>
            EventBridgeResponses.Details(r)[0] == Detail(10) ? throw failure : EventBridgeResponses.Answer(r));

        EventBridgeBatchResult result = await host.Publisher.PublishBatchAsync(Enumerable.Range(0, 25).Select(Detail));

        result.Entries.Count.ShouldBe(25);
        result.Entries.Take(10).ShouldAllBe(e => e.Succeeded);
        result.Entries.Skip(20).ShouldAllBe(e => e.Succeeded);
        result.Entries.Skip(10).Take(10).ShouldAllBe(e => !e.Succeeded && e.ErrorCode != null);
    }

    private static string Detail(int i) => $$"""{"i":{{i}}}""";
}
