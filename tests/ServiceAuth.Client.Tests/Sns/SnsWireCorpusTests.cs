using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Sns.Internal;
using ServiceAuth.Client.Tests.Sns.Support;

namespace ServiceAuth.Client.Tests.Sns;

/// <summary>
/// Our request bodies against the bodies <c>@aws-sdk/client-sns</c> sent for the same inputs
/// (Data/sns/publish-corpus.json, recorded by Sns/Corpus/record.mjs): same parameters, same order, same encoding.
/// </summary>
public sealed class SnsWireCorpusTests
{
    private static readonly JsonDocument Corpus = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "sns", "publish-corpus.json")));

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement c in Corpus.RootElement.GetProperty("cases").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Fact]
    public void Corpus_CoversPublishAndBatchCases()
    {
        JsonElement[] cases = [.. Corpus.RootElement.GetProperty("cases").EnumerateArray()];
        cases.Length.ShouldBeGreaterThanOrEqualTo(20);
        cases.Count(c => c.GetProperty("operation").GetString() == "PublishBatch").ShouldBeGreaterThanOrEqualTo(4);
        Corpus.RootElement.GetProperty("generator").GetString()!.ShouldStartWith("@aws-sdk/client-sns");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Body_MatchesJsSdk(string name)
    {
        JsonElement c = Corpus.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        JsonElement input = c.GetProperty("input");
        string topicArn = input.GetProperty("TopicArn").GetString()!;
        var options = new SnsPublisherOptions<string> { TopicArn = topicArn, AddTraceContext = false, ContentBasedDeduplication = topicArn.EndsWith(".fifo", StringComparison.Ordinal) };
        var preparer = new SnsMessagePreparer<string>(new SnsPublisherSettings<string>(options), NullLogger.Instance);

        using var form = new FormWriter(64);
        if (c.GetProperty("operation").GetString() == "Publish")
        {
            SnsRequestWriter.WritePublish(form, topicArn, preparer.Prepare(ToMessage(input), null, null));
        }
        else
        {
            var entries = input.GetProperty("PublishBatchRequestEntries").EnumerateArray()
                .Select((e, i) => new KeyValuePair<string, PreparedMessage>(e.GetProperty("Id").GetString()!, preparer.Prepare(ToMessage(e), i, null)))
                .ToList();
            SnsRequestWriter.WritePublishBatch(form, topicArn, entries);
        }

        string ours = Encoding.UTF8.GetString(form.Written);
        string theirs = c.GetProperty("body").GetString()!;
        FormBody.Parse(ours).ShouldBe(FormBody.Parse(theirs));
        ours.ShouldBe(theirs);
    }

    private static SnsMessage<string> ToMessage(JsonElement input)
    {
        var message = new SnsMessage<string>(input.GetProperty("Message").GetString()!)
        {
            Subject = Optional(input, "Subject"),
            MessageStructure = Optional(input, "MessageStructure"),
            MessageGroupId = Optional(input, "MessageGroupId"),
            MessageDeduplicationId = Optional(input, "MessageDeduplicationId"),
        };
        if (input.TryGetProperty("MessageAttributes", out JsonElement attributes))
        {
            foreach (JsonProperty attribute in attributes.EnumerateObject())
            {
                string type = attribute.Value.GetProperty("DataType").GetString()!;
                message.MessageAttributes[attribute.Name] = attribute.Value.TryGetProperty("BinaryValue", out JsonElement binary)
                    ? SnsAttributeValue.FromBinary(Convert.FromBase64String(binary.GetProperty("base64").GetString()!))
                    : new SnsAttributeValue(type, attribute.Value.GetProperty("StringValue").GetString()!);
            }
        }

        return message;
    }

    private static string? Optional(JsonElement element, string name) => element.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
}
