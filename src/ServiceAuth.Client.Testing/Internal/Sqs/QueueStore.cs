using System.Collections.Concurrent;

namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>The endpoint's queues, by ARN; a queue URL is <c>&lt;base&gt;&lt;account&gt;/&lt;name&gt;</c>.</summary>
internal sealed class QueueStore
{
    private readonly ConcurrentDictionary<string, SqsQueue> _byArn = new(StringComparer.Ordinal);

    public SqsQueue GetOrAdd(SqsQueue queue) => _byArn.GetOrAdd(queue.Arn, queue);

    public SqsQueue? FindByArn(string arn) => _byArn.GetValueOrDefault(arn);

    /// <summary>Finds a queue by its URL's last two path segments (account and name), whatever host the URL names.</summary>
    public SqsQueue? FindByUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return null;
        }

        string[] segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments.Length < 2 ? null : Find(segments[^2], segments[^1]);
    }

    public SqsQueue? Find(string accountId, string name) =>
        _byArn.Values.FirstOrDefault(q => q.AccountId == accountId && q.Name == name);

    public void Remove(SqsQueue queue) => _byArn.TryRemove(queue.Arn, out _);
}
