using System.Net;
using System.Net.Http.Headers;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>Sends awsQuery requests through the publisher's signed named <see cref="HttpClient"/> (POST to the service URL,
/// form body, marked <see cref="ServiceAuthRequestOptions.RetrySafe"/>) and reads the answers; an HTTP error becomes an
/// <see cref="SnsException"/>.</summary>
internal sealed class SnsTransport(IHttpClientFactory clientFactory, string clientName)
{
    private const string RequestIdHeader = "x-amzn-RequestId";

    public async Task<SnsPublishResult> PublishAsync(string topicArn, PreparedMessage message, CancellationToken cancellationToken)
    {
        using var form = new FormWriter((message.Body.Length * 3) + 512);
        SnsRequestWriter.WritePublish(form, topicArn, message);
        (HttpStatusCode status, byte[] body) = await SendAsync(form, cancellationToken).ConfigureAwait(false);
        return SnsResponseReader.ReadPublish(body, status);
    }

    public async Task<List<SnsBatchResponseEntry>> PublishBatchAsync(string topicArn, IReadOnlyList<KeyValuePair<string, PreparedMessage>> entries, CancellationToken cancellationToken)
    {
        int capacity = 512;
        foreach (KeyValuePair<string, PreparedMessage> entry in entries)
        {
            capacity += (entry.Value.Size * 3) + 256;
        }

        using var form = new FormWriter(capacity);
        SnsRequestWriter.WritePublishBatch(form, topicArn, entries);
        (HttpStatusCode status, byte[] body) = await SendAsync(form, cancellationToken).ConfigureAwait(false);
        return SnsResponseReader.ReadPublishBatch(body, status);
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(FormWriter form, CancellationToken cancellationToken)
    {
        HttpClient client = clientFactory.CreateClient(clientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = form.ToContent() };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        request.Options.Set(ServiceAuthRequestOptions.RetrySafe, true); // a POST the AWS SDKs retry: AddAwsRetries may too
        using HttpResponseMessage response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string? requestId = response.Headers.TryGetValues(RequestIdHeader, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
            throw SnsResponseReader.ReadError(body, response.StatusCode, requestId);
        }

        return (response.StatusCode, body);
    }
}
