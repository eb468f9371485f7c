namespace ServiceAuth.Client.Sns;

/// <summary>The result of a successful <c>Publish</c>.</summary>
/// <param name="MessageId">The id SNS gave the message.</param>
/// <param name="SequenceNumber">The sequence number on FIFO topics (a 128-bit decimal, kept as text); otherwise
/// <see langword="null"/>.</param>
public sealed record SnsPublishResult(string MessageId, string? SequenceNumber)
{
    /// <summary>Gets the AWS request id of the <c>Publish</c> call (<c>ResponseMetadata/RequestId</c>), for support cases
    /// and the <c>aws.request_id</c> span attribute.</summary>
    public string? RequestId { get; init; }
}
