using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>The entry codes the batch engine gives (one meaning each, the same for every service) and how a whole-request
/// failure reads on its entries. Every message that quotes an exception or AWS goes through <see cref="AwsErrorText"/>.</summary>
internal static class BatchCodes
{
    /// <summary>The request got no AWS answer (a transport or any other failure): the entries may or may not have been delivered.</summary>
    public const string RequestFailed = "RequestFailed";

    /// <summary>The request timed out: the entries may or may not have been delivered.</summary>
    public const string RequestTimeout = "RequestTimeout";

    /// <summary>The answer did not mention the entry: it may or may not have been delivered.</summary>
    public const string MissingResult = "MissingResult";

    /// <summary>The caller cancelled while the entry's request was in flight: it may or may not have been delivered.</summary>
    public const string Canceled = "Canceled";

    /// <summary>The entry was never sent (the caller cancelled first, or an earlier FIFO request failed).</summary>
    public const string NotAttempted = "NotAttempted";

    /// <summary>A failed entry whose answer had no code.</summary>
    public const string Unknown = "Unknown";

    public const string CanceledMessage = "The caller cancelled while this entry's request was in flight; it may or may not have been delivered.";

    public const string CanceledFirstMessage = "Not sent: the caller cancelled the batch first.";

    /// <summary>The code, message and sender fault a whole-request failure leaves on each of its entries.</summary>
    public static (string Code, string Message, bool SenderFault) Describe(Exception exception, BatchRequestError? error, string operation) => (exception, error) switch
    {
        (_, { } answer) => (answer.Code, AwsErrorText.Redact(answer.Message) ?? answer.Code, answer.SenderFault),
        (OperationCanceledException, _) => (RequestTimeout, $"The {operation} request timed out; its entries may or may not have been delivered.", false),
        _ => (RequestFailed, $"The {operation} request failed ({exception.GetType().Name}: {AwsErrorText.Redact(exception.Message)}); its entries may or may not have been delivered.", false),
    };

    public static string NotSentAfter(string operation, string code) =>
        $"Not sent: an earlier {operation} request failed with {code}, and sending later entries would break group order.";

    public static string Missing(string operation) => $"The {operation} answer had no result for this entry; it may or may not have been delivered.";
}
