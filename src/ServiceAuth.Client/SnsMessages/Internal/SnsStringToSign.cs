using System.Text;

namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>
/// The string SNS signs, as AWS documents it ("Verifying the signatures of Amazon SNS messages"): for each field in
/// this byte order, present in the envelope, <c>name\nvalue\n</c>. A Notification signs Message, MessageId, Subject
/// (only when present), Timestamp, TopicArn, Type; a SubscriptionConfirmation or UnsubscribeConfirmation signs Message,
/// MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type. The same fields for SignatureVersion 1 and 2.
/// </summary>
internal static class SnsStringToSign
{
    private static readonly string[] NotificationFields = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
    private static readonly string[] ConfirmationFields = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];

    /// <summary>The fields a type requires (Subject is optional).</summary>
    public static IEnumerable<string> Required(SnsMessageType type) =>
        (type == SnsMessageType.Notification ? NotificationFields : ConfirmationFields).Where(f => f != "Subject");

    public static byte[] Build(SnsEnvelope envelope, SnsMessageType type)
    {
        var text = new StringBuilder();
        foreach (string name in type == SnsMessageType.Notification ? NotificationFields : ConfirmationFields)
        {
            if (envelope[name] is { } value)
            {
                text.Append(name).Append('\n').Append(value).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
