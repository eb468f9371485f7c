namespace ServiceAuth.Client.Tests.Sns.Support;

/// <summary>A request as the primary handler saw it, with its form body parsed.</summary>
public sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public IReadOnlyList<KeyValuePair<string, string>> Form => FormBody.Parse(Body);

    public string? this[string key] => Form.FirstOrDefault(p => p.Key == key).Value;

    /// <summary>The batch entry ids of a PublishBatch request, in order.</summary>
    public IReadOnlyList<string> BatchIds => [.. Form.Where(p => p.Key.StartsWith("PublishBatchRequestEntries.member.", StringComparison.Ordinal) && p.Key.EndsWith(".Id", StringComparison.Ordinal)).Select(p => p.Value)];
}
