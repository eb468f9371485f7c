using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using ServiceAuth.Client.IntegrationTests.Subscriptions;

namespace ServiceAuth.Client.IntegrationTests.SnsMessages;

/// <summary>Genuine envelopes from the local endpoint (through B's queue, read with AWSSDK.SQS), and tampered copies.</summary>
internal static class EnvelopeSource
{
    public static async Task<string> NotificationAsync(SubscriptionWorld world, string message = "{\"orderId\":\"42\"}", string? subject = "OrderPlaced")
    {
        (string url, string arn) = await world.CreateQueueAsync("envelopes-" + Guid.NewGuid().ToString("N")[..8]);
        await world.SubscribeAsync(world.SubscriberB, SubscriptionWorld.TopicArn, arn);
        await world.PublishAsync(SubscriptionWorld.TopicArn, message, subject is null ? [] : [("Subject", subject)]);
        Message received = (await world.ReceiveAsync(url)).ShouldHaveSingleItem();
        await world.SqsB.DeleteMessageAsync(url, received.ReceiptHandle);
        return received.Body;
    }

    public static async Task<string> ConfirmationAsync(SubscriptionWorld world)
    {
        (string url, string arn) = await world.CreateQueueAsync("confirm-" + Guid.NewGuid().ToString("N")[..8]);
        (System.Net.HttpStatusCode status, _) = await world.SnsAsync(world.OwnerC, ("Action", "Subscribe"), ("TopicArn", SubscriptionWorld.TopicArn), ("Protocol", "sqs"), ("Endpoint", arn));
        status.ShouldBe(System.Net.HttpStatusCode.OK);
        return (await world.ReceiveAsync(url)).ShouldHaveSingleItem().Body;
    }

    public static string With(string envelope, string field, string? value)
    {
        JsonObject json = JsonNode.Parse(envelope)!.AsObject();
        if (value is null)
        {
            json.Remove(field);
        }
        else
        {
            json[field] = value;
        }

        return json.ToJsonString();
    }
}
