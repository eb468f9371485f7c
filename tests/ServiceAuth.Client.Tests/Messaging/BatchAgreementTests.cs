using System.Globalization;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Messaging;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Tests.EventBridge.Support;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Messaging;

/// <summary>Issue 18, "one batch engine": the same fault gives the same entry codes and messages through the SNS and the
/// EventBridge publisher (they disagreed on cancellation codes, redaction and "may or may not have been delivered").</summary>
public sealed class BatchAgreementTests
{
    private const string Leak = "Signature=0123456789abcdef0123 Credential=AKIDEXAMPLE/20260101/eu-west-1/events/aws4_request";

    public static TheoryData<string> Publishers => new() { "sns", "eventbridge" };

    [Theory]
    [MemberData(nameof(Publishers))]
    public async Task CallerCancels_InFlightEntriesAreCanceled_UnsentEntriesAreNotAttempted(string publisher)
    {
        using var cts = new CancellationTokenSource();
        Exception? Fault(int first)
        {
            if (first == 10)
            {
                cts.Cancel();
                return new TaskCanceledException("canceled", null, cts.Token);
            }

            return null;
        }

        (PublishEntryResult[] entries, Exception? thrown) = await RunAsync(publisher, 25, Fault, cts.Token);

        thrown.ShouldBeAssignableTo<OperationCanceledException>()!.CancellationToken.ShouldBe(cts.Token);
        entries.Take(10).ShouldAllBe(e => e.Succeeded);
        entries.Skip(10).Take(10).ShouldAllBe(e => e.ErrorCode == "Canceled" && e.Attempts == 1 && e.ErrorMessage!.Contains("may or may not", StringComparison.Ordinal));
        entries.Skip(20).ShouldAllBe(e => e.ErrorCode == "NotAttempted" && e.Attempts == 0);
    }

    [Theory]
    [MemberData(nameof(Publishers))]
    public async Task RequestFailsWithoutAnAwsAnswer_MessageIsRedacted_AndSaysMayOrMayNot(string publisher)
    {
        (PublishEntryResult[] entries, _) = await RunAsync(publisher, 15, first => first == 10 ? new HttpRequestException($"proxy said: {Leak}") : null);

        entries.Skip(10).ShouldAllBe(e => e.ErrorCode == "RequestFailed" && e.ErrorMessage!.Contains("may or may not have been delivered", StringComparison.Ordinal));
        entries.Skip(10).ShouldAllBe(e => !e.ErrorMessage!.Contains("0123456789abcdef", StringComparison.Ordinal) && !e.ErrorMessage.Contains("AKIDEXAMPLE", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Publishers))]
    public async Task UnexpectedExceptionInARequest_MessageIsRedacted(string publisher)
    {
        (PublishEntryResult[] entries, _) = await RunAsync(publisher, 15, first => first == 10 ? new InvalidOperationException($"handler broke: {Leak}") : null);

        entries.Skip(10).ShouldAllBe(e => e.ErrorCode == "RequestFailed" && !e.ErrorMessage!.Contains("0123456789abcdef", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Publishers))]
    public async Task ServiceAuthExceptionAfterAnAttempt_MayOrMayNotHaveBeenDelivered_NotNotSent(string publisher)
    {
        // The signing handler re-signs and resends after ExpiredToken: a credentials failure can follow an attempt that
        // reached AWS, so the publisher cannot say the entries were not sent.
        (PublishEntryResult[] entries, _) = await RunAsync(publisher, 3, _ => new CredentialsUnavailableException("Could not assume role 'arn:aws:iam::222233334444:role/r'."));

        entries.ShouldAllBe(e => e.ErrorCode == "RequestFailed" && e.Attempts == 1);
        entries.ShouldAllBe(e => e.ErrorMessage!.Contains("may or may not have been delivered", StringComparison.Ordinal) && !e.ErrorMessage.StartsWith("Not sent", StringComparison.Ordinal));
    }

    private static async Task<(PublishEntryResult[] Entries, Exception? Thrown)> RunAsync(string publisher, int count, Func<int, Exception?> fault, CancellationToken cancellationToken = default)
    {
        string[] items = [.. Enumerable.Range(0, count).Select(i => $$"""{"i":{{i}}}""")];
        if (publisher == "sns")
        {
            using var sns = new SnsTestHost<string>(o => o.MaxConcurrentBatchRequests = 1, r =>
                fault(int.Parse(r.BatchIds[0], CultureInfo.InvariantCulture)) is { } ex ? throw ex : SnsResponses.Batch(r));
            try
            {
                return ([.. (await sns.Publisher.PublishBatchAsync(items, cancellationToken)).Entries], null);
            }
            catch (SnsBatchCanceledException ex)
            {
                return ([.. ex.PartialResult.Entries], ex);
            }
        }

        using var eventBridge = new EventBridgeTestHost<string>(o => o.MaxConcurrentBatchRequests = 1, r =>
            fault(Array.IndexOf(items, EventBridgeResponses.Details(r)[0])) is { } ex ? throw ex : EventBridgeResponses.Answer(r));
        try
        {
            return ([.. (await eventBridge.Publisher.PublishBatchAsync(items, cancellationToken)).Entries], null);
        }
        catch (EventBridgeBatchCanceledException ex)
        {
            return ([.. ex.PartialResult.Entries], ex);
        }
    }
}
