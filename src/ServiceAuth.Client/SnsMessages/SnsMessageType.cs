namespace ServiceAuth.Client.SnsMessages;

/// <summary>The <c>Type</c> of an SNS envelope.</summary>
public enum SnsMessageType
{
    /// <summary>A published message (<c>Notification</c>).</summary>
    Notification,

    /// <summary>A request to confirm a new subscription (<c>SubscriptionConfirmation</c>), carrying <c>SubscribeURL</c> and <c>Token</c>.</summary>
    SubscriptionConfirmation,

    /// <summary>The notice that a subscription was removed (<c>UnsubscribeConfirmation</c>).</summary>
    UnsubscribeConfirmation,
}
