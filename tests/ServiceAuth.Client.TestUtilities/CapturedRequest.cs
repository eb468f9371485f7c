using System.Text;

namespace ServiceAuth.Client.TestUtilities;

/// <summary>A request as <see cref="CapturingHandler"/> saw it: headers as on the wire, the body bytes, and views of
/// what the signed and form-encoded (STS, SNS) requests carry.</summary>
public sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body)
{
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    public string? Authorization => Header("Authorization");

    public string? AmzDate => Header("X-Amz-Date");

    public string? SecurityToken => Header("X-Amz-Security-Token");

    public string? AccessKeyId => Authorization?.Split("Credential=")[1].Split('/')[0];

    /// <summary>The form body's pairs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form => FormBody.Parse(BodyText);

    /// <summary>The batch entry ids of a PublishBatch request, in order.</summary>
    public IReadOnlyList<string> BatchIds => [.. Form.Where(p => p.Key.StartsWith("PublishBatchRequestEntries.member.", StringComparison.Ordinal) && p.Key.EndsWith(".Id", StringComparison.Ordinal)).Select(p => p.Value)];

    /// <summary>A form field's value, or <see langword="null"/>.</summary>
    public string? this[string key] => Form.FirstOrDefault(p => p.Key == key).Value;

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}
