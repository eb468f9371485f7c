namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>The logs of a batch, written by each service with its own event ids (docs/telemetry.md).</summary>
internal interface IBatchLog
{
    void Retrying(int count, int round, TimeSpan delay);

    void RequestFailed(string code, int count, string? requestId);

    void Published(BatchOutcome outcome);

    void Canceled(BatchOutcome partial);
}
