using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>
/// Writes the awsJson 1.1 <c>PutEvents</c> body with the members in the order the AWS SDK for JavaScript v3 writes them
/// (<c>Time</c>, <c>Source</c>, <c>Resources</c>, <c>DetailType</c>, <c>Detail</c>, <c>EventBusName</c>,
/// <c>TraceHeader</c>) and <c>Time</c> as epoch seconds with millisecond fraction, byte for byte as recorded in
/// tests/…/Data/eventbridge/putevents-corpus.json.
/// </summary>
internal static class PutEventsRequestWriter
{
    public const string Target = "AWSEvents.PutEvents";
    public const string ContentType = "application/x-amz-json-1.1";

    public static void Write(IBufferWriter<byte> writer, string eventBusName, IReadOnlyList<PreparedEntry> entries)
    {
        AwsJsonText.Write(writer, "{\"Entries\":["u8);
        for (int i = 0; i < entries.Count; i++)
        {
            PreparedEntry entry = entries[i];
            AwsJsonText.Write(writer, i == 0 ? "{"u8 : ",{"u8);
            if (entry.Time is { } time)
            {
                AwsJsonText.Write(writer, "\"Time\":"u8);
                WriteEpochSeconds(writer, time);
                AwsJsonText.Write(writer, ","u8);
            }

            AwsJsonText.Write(writer, "\"Source\":"u8);
            AwsJsonText.WriteString(writer, entry.Source);
            if (entry.Resources.Count > 0)
            {
                AwsJsonText.Write(writer, ",\"Resources\":["u8);
                for (int r = 0; r < entry.Resources.Count; r++)
                {
                    AwsJsonText.Write(writer, r == 0 ? ""u8 : ","u8);
                    AwsJsonText.WriteString(writer, entry.Resources[r]);
                }

                AwsJsonText.Write(writer, "]"u8);
            }

            AwsJsonText.Write(writer, ",\"DetailType\":"u8);
            AwsJsonText.WriteString(writer, entry.DetailType);
            AwsJsonText.Write(writer, ",\"Detail\":"u8);
            AwsJsonText.WriteString(writer, entry.Detail);
            AwsJsonText.Write(writer, ",\"EventBusName\":"u8);
            AwsJsonText.WriteString(writer, eventBusName);
            if (entry.TraceHeader is { } trace)
            {
                AwsJsonText.Write(writer, ",\"TraceHeader\":"u8);
                AwsJsonText.WriteString(writer, trace);
            }

            AwsJsonText.Write(writer, "}"u8);
        }

        AwsJsonText.Write(writer, "]}"u8);
    }

    /// <summary>Epoch seconds as JavaScript prints <c>date.getTime() / 1000</c>: an integer, or the shortest
    /// round-tripping decimal of the millisecond value.</summary>
    private static void WriteEpochSeconds(IBufferWriter<byte> writer, DateTimeOffset time)
    {
        long milliseconds = time.ToUnixTimeMilliseconds();
        Span<byte> span = writer.GetSpan(32);
        int written;
        bool ok = milliseconds % 1000 == 0
            ? Utf8Formatter.TryFormat(milliseconds / 1000, span, out written)
            : (milliseconds / 1000.0).TryFormat(span, out written, "R", CultureInfo.InvariantCulture);
        writer.Advance(ok ? written : throw new InvalidOperationException("Could not format the event time."));
    }
}
