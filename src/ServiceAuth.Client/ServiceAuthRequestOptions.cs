namespace ServiceAuth.Client;

/// <summary>
/// <see cref="HttpRequestMessage.Options"/> keys through which code that sends a request tells the handlers of its client
/// what they may do with it. The core sets them (the SNS and EventBridge publishers); retry handlers, such as
/// <c>AddAwsRetries</c> in ServiceAuth.Client.Resilience, read them.
/// </summary>
public static class ServiceAuthRequestOptions
{
    /// <summary>
    /// Marks a request as safe to send again although its method is not idempotent: a POST whose effect AWS does not
    /// repeat, or whose repetition the sender accepts. The SNS and EventBridge publishers mark their <c>Publish</c>,
    /// <c>PublishBatch</c> and <c>PutEvents</c> requests (an entry delivered twice is what a retry after a lost answer
    /// means for any publisher); <c>AddAwsRetries</c> then retries them without <c>RetryNonIdempotent</c>.
    /// </summary>
    /// <example><c>request.Options.Set(ServiceAuthRequestOptions.RetrySafe, true);</c></example>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("ServiceAuth.Client.RetrySafe");
}
