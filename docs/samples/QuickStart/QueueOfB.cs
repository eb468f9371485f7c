using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceAuth.Client.QuickStart;

/// <summary>
/// Service B's SQS queue and its subscription to C's topic, through two signed clients (services <c>sqs</c> and
/// <c>sns</c>) — the calls AWSSDK.SQS would make, in SQS's JSON protocol and SNS's query protocol.
/// </summary>
internal sealed class QueueOfB(HttpClient sqs, HttpClient sns)
{
    /// <summary>Creates the queue with a policy that lets only <paramref name="topicArn"/> send to it; returns (url, arn).</summary>
    public async Task<(string Url, string Arn)> CreateAsync(string name, string topicArn)
    {
        string url = (await SqsAsync("CreateQueue", new JsonObject { ["QueueName"] = name }))["QueueUrl"]!.GetValue<string>();
        string arn = (await SqsAsync("GetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["AttributeNames"] = new JsonArray("QueueArn") }))["Attributes"]!["QueueArn"]!.GetValue<string>();
        string policy = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = "sns.amazonaws.com" },
                ["Action"] = "sqs:SendMessage",
                ["Resource"] = arn,
                ["Condition"] = new JsonObject { ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = topicArn } },
            }),
        }.ToJsonString();
        await SqsAsync("SetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["Attributes"] = new JsonObject { ["Policy"] = policy } });
        return (url, arn);
    }

    /// <summary>Subscribes the queue to the topic; returns the status and the SNS error code, if any.</summary>
    public async Task<(HttpStatusCode Status, string Detail)> SubscribeAsync(string topicArn, string queueArn)
    {
        string form = $"Action=Subscribe&Version=2010-03-31&TopicArn={Uri.EscapeDataString(topicArn)}&Protocol=sqs&Endpoint={Uri.EscapeDataString(queueArn)}";
        using HttpResponseMessage response = await sns.PostAsync(string.Empty, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        string xml = await response.Content.ReadAsStringAsync();
        string element = response.IsSuccessStatusCode ? "SubscriptionArn" : "Code";
        int start = xml.IndexOf($"<{element}>", StringComparison.Ordinal) + element.Length + 2;
        return (response.StatusCode, xml[start..xml.IndexOf($"</{element}>", StringComparison.Ordinal)]);
    }

    /// <summary>Receives one message and deletes it; returns its body (the SNS envelope), or null when the queue is empty.</summary>
    public async Task<string?> ReceiveAndDeleteAsync(string url)
    {
        JsonNode answer = await SqsAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = url, ["MaxNumberOfMessages"] = 1 });
        if (answer["Messages"] is not JsonArray { Count: > 0 } messages)
        {
            return null;
        }

        await SqsAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = url, ["ReceiptHandle"] = messages[0]!["ReceiptHandle"]!.GetValue<string>() });
        return messages[0]!["Body"]!.GetValue<string>();
    }

    private async Task<JsonNode> SqsAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AmazonSQS." + operation);
        using HttpResponseMessage response = await sqs.SendAsync(request);
        string json = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(json) ?? throw new JsonException("SQS answered no JSON");
    }
}
