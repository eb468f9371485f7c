namespace ServiceAuth.Client.Tests.Support;

/// <summary>A request as <see cref="ScriptedHandler"/> saw it.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, string? Authorization, string? AmzDate, string? SecurityToken, byte[]? Body)
{
    public string? AccessKeyId => Authorization?.Split("Credential=")[1].Split('/')[0];
}
