namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>One subscription of a topic: an SQS queue (by ARN) and whether it is confirmed.</summary>
internal sealed class SnsSubscription
{
    public required string Arn { get; init; }

    public required string TopicArn { get; init; }

    public required string Protocol { get; init; }

    public required string Endpoint { get; init; }

    /// <summary>Gets the account of the principal that subscribed.</summary>
    public required string Owner { get; init; }

    /// <summary>Gets the confirmation token sent in the <c>SubscriptionConfirmation</c> message.</summary>
    public required string Token { get; init; }

    public bool RawMessageDelivery { get; set; }

    public bool Confirmed { get; set; }
}
