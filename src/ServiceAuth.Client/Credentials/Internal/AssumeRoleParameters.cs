using System.Text;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>An immutable copy of <see cref="AssumeRoleOptions"/> with the defaults resolved; <see cref="Key"/> identifies
/// the session parameters for the cache.</summary>
internal sealed class AssumeRoleParameters
{
    private AssumeRoleParameters(AssumeRoleOptions o, string sessionName, string stsRegion)
    {
        RoleArn = o.RoleArn!;
        RoleSessionName = sessionName;
        ExternalId = o.ExternalId;
        DurationSeconds = o.DurationSeconds;
        Policy = o.Policy;
        PolicyArns = [.. o.PolicyArns];
        Tags = o.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        TransitiveTagKeys = [.. o.TransitiveTagKeys.Order(StringComparer.Ordinal)];
        SourceIdentity = o.SourceIdentity;
        StsRegion = stsRegion;
        StsEndpoint = o.StsEndpoint;
        Key = BuildKey();
    }

    public string RoleArn { get; }

    public string RoleSessionName { get; }

    public string? ExternalId { get; }

    public int DurationSeconds { get; }

    public string? Policy { get; }

    public IReadOnlyList<string> PolicyArns { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; }

    public IReadOnlyList<string> TransitiveTagKeys { get; }

    public string? SourceIdentity { get; }

    public string StsRegion { get; }

    public Uri? StsEndpoint { get; }

    public string Key { get; }

    public static AssumeRoleParameters From(AssumeRoleOptions options, string stsRegion) =>
        new(options, options.RoleSessionName ?? RoleSessionNames.Default, stsRegion);

    private string BuildKey()
    {
        var key = new StringBuilder(256);
        void Add(string? value) => key.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Add(RoleArn);
        Add(RoleSessionName);
        Add(ExternalId);
        Add(DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(Policy);
        foreach (string arn in PolicyArns)
        {
            Add(arn);
        }

        key.Append("tags|");
        foreach (KeyValuePair<string, string> tag in Tags)
        {
            Add(tag.Key);
            Add(tag.Value);
        }

        key.Append("transitive|");
        foreach (string k in TransitiveTagKeys)
        {
            Add(k);
        }

        Add(SourceIdentity);
        Add(StsRegion);
        Add(StsEndpoint?.AbsoluteUri);
        return key.ToString();
    }
}
