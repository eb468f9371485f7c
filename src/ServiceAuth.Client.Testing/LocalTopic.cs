namespace ServiceAuth.Client.Testing;

/// <summary>An in-memory SNS topic whose accepted messages tests can read and await.</summary>
public sealed class LocalTopic
{
    private static readonly TimeSpan DeduplicationWindow = TimeSpan.FromMinutes(5);
    private readonly object _gate = new();
    private readonly List<SnsDelivery> _deliveries = [];
    private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<SnsDelivery>> Waiter)> _waiters = [];
    private readonly Dictionary<string, SnsDelivery> _deduplication = new(StringComparer.Ordinal);
    private ulong _sequence = 10000000000000000000UL;
    private int _signatureVersion = 1;

    internal LocalTopic(string arn, IEnumerable<string> allowedPublishers)
    {
        Arn = arn;
        AllowedPublishers = [.. allowedPublishers];
    }

    /// <summary>Gets the topic ARN.</summary>
    public string Arn { get; }

    /// <summary>Gets the account that owns the topic (from its ARN); its principals may subscribe without a grant.</summary>
    public string AccountId => Arn.Split(':') is { Length: > 4 } parts ? parts[4] : string.Empty;

    /// <summary>Gets or sets the SignatureVersion of the envelopes delivered to subscriptions: 1 (SHA1withRSA) or 2 (SHA256withRSA).</summary>
    /// <value>The default value is 1, as for a new SNS topic.</value>
    public int SignatureVersion
    {
        get => _signatureVersion;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 2);
            _signatureVersion = value;
        }
    }

    /// <summary>Gets a value indicating whether this is a FIFO topic (its name ends in <c>.fifo</c>).</summary>
    public bool IsFifo => Arn.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary>Gets or sets a value indicating whether a FIFO topic deduplicates by the SHA-256 of the body.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ContentBasedDeduplication { get; set; }

    /// <summary>Gets a snapshot of the accepted messages, in order.</summary>
    public IReadOnlyList<SnsDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    internal IReadOnlyList<string> AllowedPublishers { get; }

    /// <summary>Gets the topic policy's <c>sns:Subscribe</c> statements.</summary>
    internal List<Internal.Sns.Subscriptions.SubscribeGrant> SubscribeGrants { get; } = [];

    /// <summary>Gets or sets what runs for each newly accepted message, inside the topic's lock (the subscription fan-out).</summary>
    internal Action<SnsDelivery>? Accepted { get; set; }

    /// <summary>Adds a topic policy statement allowing <c>sns:Subscribe</c> to a principal of another account, with
    /// <c>sns:Protocol</c> and <c>sns:Endpoint</c> conditions. Principals of the topic's own account may always subscribe.</summary>
    /// <param name="principalArn">Who may subscribe (an ARN as in <see cref="RoleTrust.AllowPrincipal"/>, or an account id).</param>
    /// <param name="protocol">The protocol condition, e.g. <c>sqs</c>.</param>
    /// <param name="endpoint">The endpoint condition, e.g. a queue ARN; <c>*</c> and <c>?</c> match as in <c>StringLike</c>.</param>
    /// <returns>This topic.</returns>
    public LocalTopic AllowSubscribe(string principalArn, string protocol, string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principalArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(protocol);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        lock (_gate)
        {
            SubscribeGrants.Add(new(principalArn, protocol, endpoint));
        }

        return this;
    }

    /// <summary>Completes when at least <paramref name="count"/> messages have been accepted.</summary>
    /// <param name="count">How many messages to wait for in total, at least 1.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A snapshot of the accepted messages.</returns>
    public Task<IReadOnlyList<SnsDelivery>> WaitForDeliveriesAsync(int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            if (_deliveries.Count >= count)
            {
                return Task.FromResult<IReadOnlyList<SnsDelivery>>([.. _deliveries]);
            }

            var waiter = new TaskCompletionSource<IReadOnlyList<SnsDelivery>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Arn;

    /// <summary>Accepts a message; for a FIFO duplicate within 5 minutes returns the first delivery instead.</summary>
    internal SnsDelivery Accept(Func<string?, SnsDelivery> create, string? deduplicationId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (deduplicationId is not null && _deduplication.TryGetValue(deduplicationId, out SnsDelivery? earlier)
                && now - earlier.Timestamp < DeduplicationWindow)
            {
                return earlier;
            }

            string? sequence = IsFifo ? (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            SnsDelivery delivery = create(sequence);
            _deliveries.Add(delivery);
            Accepted?.Invoke(delivery);
            if (deduplicationId is not null)
            {
                _deduplication[deduplicationId] = delivery;
            }

            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_deliveries.Count >= _waiters[i].Count)
                {
                    _waiters[i].Waiter.TrySetResult([.. _deliveries]);
                    _waiters.RemoveAt(i);
                }
            }

            return delivery;
        }
    }
}
