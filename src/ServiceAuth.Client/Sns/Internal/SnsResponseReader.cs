using System.Net;
using System.Text;
using System.Xml;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// Reads awsQuery XML answers with <see cref="XmlReader"/> (no reflection, no DTDs): <c>PublishResponse</c>,
/// <c>PublishBatchResponse</c> (empty <c>Successful</c>/<c>Failed</c>, either order) and <c>ErrorResponse</c>. Elements are
/// matched by local name, so a missing namespace is fine.
/// </summary>
internal static class SnsResponseReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    public static SnsPublishResult ReadPublish(byte[] body, HttpStatusCode status)
    {
        string? messageId = null, sequenceNumber = null, requestId = null;
        bool isXml = TryWalk(body, (reader, _) =>
        {
            switch (reader.LocalName)
            {
                case "MessageId":
                    messageId = reader.ReadElementContentAsString();
                    return true;
                case "RequestId":
                    requestId = reader.ReadElementContentAsString();
                    return true;
                case "SequenceNumber":
                    sequenceNumber = reader.ReadElementContentAsString();
                    return true;
                default:
                    return false;
            }
        });
        return !isXml || messageId is null ? throw Malformed(body, status, "PublishResponse without a MessageId") : new SnsPublishResult(messageId, sequenceNumber) { RequestId = requestId };
    }

    public static List<SnsBatchResponseEntry> ReadPublishBatch(byte[] body, HttpStatusCode status)
    {
        var entries = new List<SnsBatchResponseEntry>();
        SnsBatchResponseEntry? current = null;
        bool sawResult = false;
        bool isXml = TryWalk(body, (reader, section) =>
        {
            sawResult |= reader.LocalName == "PublishBatchResult";
            if (reader.LocalName == "member" && section is "Successful" or "Failed")
            {
                current = new SnsBatchResponseEntry { Failed = section == "Failed" };
                entries.Add(current);
                return false;
            }

            if (current is null)
            {
                return false;
            }

            switch (reader.LocalName)
            {
                case "Id": current.Id = reader.ReadElementContentAsString(); return true;
                case "MessageId": current.MessageId = reader.ReadElementContentAsString(); return true;
                case "SequenceNumber": current.SequenceNumber = reader.ReadElementContentAsString(); return true;
                case "Code": current.Code = reader.ReadElementContentAsString(); return true;
                case "Message": current.Message = reader.ReadElementContentAsString(); return true;
                case "SenderFault": current.SenderFault = string.Equals(reader.ReadElementContentAsString().Trim(), "true", StringComparison.OrdinalIgnoreCase); return true;
                default: return false;
            }
        });
        return isXml && sawResult ? entries : throw Malformed(body, status, "PublishBatchResponse without a PublishBatchResult");
    }

    public static SnsException ReadError(byte[] body, HttpStatusCode status, string? headerRequestId)
    {
        string? type = null, code = null, message = null, requestId = null;
        bool isXml = TryWalk(body, (reader, _) =>
        {
            switch (reader.LocalName)
            {
                case "Type": type = reader.ReadElementContentAsString(); return true;
                case "Code": code = reader.ReadElementContentAsString(); return true;
                case "Message": message = reader.ReadElementContentAsString(); return true;
                case "RequestId": requestId = reader.ReadElementContentAsString(); return true;
                default: return false;
            }
        });
        if (!isXml || code is null)
        {
            return new SnsException(string.Empty, $"The service returned an error with HTTP body: {Excerpt(body)}", null, headerRequestId, status);
        }

        return new SnsException(code, message, type, requestId ?? headerRequestId, status);
    }

    private static SnsException Malformed(byte[] body, HttpStatusCode status, string what) =>
        new("MalformedResponse", $"Could not read the SNS answer ({what}): {Excerpt(body)}", null, null, status);

    private static string Excerpt(byte[] body) => SnsText.Shorten(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 256)));

    /// <summary>Visits every element with the name of the enclosing <c>Successful</c>/<c>Failed</c> section; the callback
    /// returns <see langword="true"/> when it consumed the element.</summary>
    private static bool TryWalk(byte[] body, Func<XmlReader, string?, bool> onElement)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            string? section = null;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName is "Successful" or "Failed" && !reader.IsEmptyElement)
                    {
                        section = reader.LocalName;
                    }
                    else if (onElement(reader, section))
                    {
                        continue;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "Successful" or "Failed")
                {
                    section = null;
                }

                reader.Read();
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
