using System.Globalization;

namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>
/// One queue: messages in arrival order, a visibility timeout on the endpoint's clock, and for FIFO queues order per
/// message group (a group with a message in flight hands out nothing else) and 5-minute deduplication.
/// </summary>
internal sealed class SqsQueue
{
    private static readonly TimeSpan DeduplicationWindow = TimeSpan.FromMinutes(5);
    private readonly object _gate = new();
    private readonly List<SqsMessage> _messages = [];
    private readonly Dictionary<string, (SqsMessage Message, DateTimeOffset At)> _deduplication = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deletedHandles = new(StringComparer.Ordinal);
    private ulong _sequence = 18_000_000_000_000_000_000UL;

    public SqsQueue(string region, string accountId, string name, Uri baseAddress)
    {
        Name = name;
        AccountId = accountId;
        Arn = $"arn:aws:sqs:{region}:{accountId}:{name}";
        Url = new Uri(baseAddress, $"{accountId}/{name}").ToString();
    }

    public string Name { get; }

    public string AccountId { get; }

    public string Arn { get; }

    public string Url { get; }

    public bool IsFifo => Name.EndsWith(".fifo", StringComparison.Ordinal);

    public bool ContentBasedDeduplication { get; set; }

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the queue policy JSON, or <see langword="null"/>.</summary>
    public string? Policy { get; set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Adds a message unless a FIFO duplicate was sent within 5 minutes; returns the message kept.</summary>
    public SqsMessage Send(Func<string?, SqsMessage> create, string? deduplicationId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (deduplicationId is not null && _deduplication.TryGetValue(deduplicationId, out var earlier) && now - earlier.At < DeduplicationWindow)
            {
                return earlier.Message;
            }

            SqsMessage message = create(IsFifo ? (++_sequence).ToString(CultureInfo.InvariantCulture) : null);
            message.VisibleAt = now;
            _messages.Add(message);
            if (deduplicationId is not null)
            {
                _deduplication[deduplicationId] = (message, now);
            }

            return message;
        }
    }

    /// <summary>Hands out up to <paramref name="max"/> visible messages and hides them for <paramref name="visibility"/>.</summary>
    public List<SqsMessage> Receive(int max, TimeSpan visibility, DateTimeOffset now)
    {
        lock (_gate)
        {
            var blockedGroups = new HashSet<string>(StringComparer.Ordinal);
            var received = new List<SqsMessage>();
            foreach (SqsMessage message in _messages)
            {
                bool visible = message.VisibleAt <= now;
                if (IsFifo && message.MessageGroupId is { } group && (!visible || blockedGroups.Contains(group)))
                {
                    // A group with a message in flight (or already handed out in this call, past max) blocks later ones.
                    blockedGroups.Add(group);
                    continue;
                }

                if (!visible || received.Count >= max)
                {
                    continue;
                }

                message.VisibleAt = now + visibility;
                message.ReceiveCount++;
                message.FirstReceivedAt ??= now;
                message.ReceiptHandle = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
                received.Add(message);
            }

            return received;
        }
    }

    /// <summary>Deletes the message a current receipt handle names; <see langword="false"/> when no message has it.</summary>
    public bool Delete(string receiptHandle)
    {
        lock (_gate)
        {
            int index = _messages.FindIndex(m => m.ReceiptHandle == receiptHandle);
            if (index < 0)
            {
                return _deletedHandles.Contains(receiptHandle);
            }

            _messages.RemoveAt(index);
            _deletedHandles.Add(receiptHandle);
            return true;
        }
    }
}
