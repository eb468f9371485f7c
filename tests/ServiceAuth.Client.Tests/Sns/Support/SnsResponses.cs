using System.Net;
using System.Text;

namespace ServiceAuth.Client.Tests.Sns.Support;

/// <summary>awsQuery answers in the shapes of reference A4.</summary>
public static class SnsResponses
{
    public const string Ns = "http://sns.amazonaws.com/doc/2010-03-31/";

    public static HttpResponseMessage Publish(string messageId = "567910cd-659e-55d4-8ccb-5aaf14679dc0", string? sequenceNumber = null) => CapturingHandler.Xml(
        $"<PublishResponse xmlns=\"{Ns}\"><PublishResult><MessageId>{messageId}</MessageId>{(sequenceNumber is null ? "" : $"<SequenceNumber>{sequenceNumber}</SequenceNumber>")}</PublishResult>" +
        "<ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata></PublishResponse>");

    /// <summary>Answers a PublishBatch: every entry succeeds unless <paramref name="failure"/> gives it a (code, senderFault).</summary>
    public static HttpResponseMessage Batch(CapturedRequest request, Func<string, (string Code, bool SenderFault)?>? failure = null)
    {
        var ok = new StringBuilder();
        var failed = new StringBuilder();
        foreach (string id in request.BatchIds)
        {
            if (failure?.Invoke(id) is { } f)
            {
                failed.Append($"<member><Id>{id}</Id><Code>{f.Code}</Code><Message>{f.Code} for {id}</Message><SenderFault>{(f.SenderFault ? "true" : "false")}</SenderFault></member>");
            }
            else
            {
                ok.Append($"<member><Id>{id}</Id><MessageId>msg-{id}</MessageId></member>");
            }
        }

        return CapturingHandler.Xml($"<PublishBatchResponse xmlns=\"{Ns}\"><PublishBatchResult><Failed>{failed}</Failed><Successful>{ok}</Successful></PublishBatchResult>" +
            "<ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a1</RequestId></ResponseMetadata></PublishBatchResponse>");
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message, string type = "Sender") => CapturingHandler.Xml(
        $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId></ErrorResponse>", status);

    /// <summary>Publish answers Publish; PublishBatch answers with every entry accepted.</summary>
    public static HttpResponseMessage Default(CapturedRequest request) =>
        request["Action"] == "PublishBatch" ? Batch(request) : Publish();
}
