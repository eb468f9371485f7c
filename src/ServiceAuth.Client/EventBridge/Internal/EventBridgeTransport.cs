using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>Sends <c>PutEvents</c> through the publisher's signed named <see cref="HttpClient"/>: a POST to the service
/// URL with <c>X-Amz-Target: AWSEvents.PutEvents</c> (signed), <c>Content-Type: application/x-amz-json-1.1</c> and the
/// <see cref="ServiceAuthRequestOptions.RetrySafe"/> option; an HTTP
/// error becomes an <see cref="EventBridgeException"/>.</summary>
internal sealed class EventBridgeTransport(IHttpClientFactory clientFactory, string clientName)
{
    public async Task<PutEventsAnswer> PutEventsAsync(string eventBusName, IReadOnlyList<PreparedEntry> entries, CancellationToken cancellationToken)
    {
        int capacity = 64;
        foreach (PreparedEntry entry in entries)
        {
            capacity += entry.Size + (entry.Detail.Length / 4) + eventBusName.Length + 128;
        }

        var buffer = new ArrayBufferWriter<byte>(capacity);
        PutEventsRequestWriter.Write(buffer, eventBusName, entries);
        HttpClient client = clientFactory.CreateClient(clientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = new ReadOnlyMemoryContent(buffer.WrittenMemory) };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", PutEventsRequestWriter.Target);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(PutEventsRequestWriter.ContentType);
        request.Options.Set(ServiceAuthRequestOptions.RetrySafe, true); // a POST the AWS SDKs retry: AddAwsRetries may too
        using HttpResponseMessage response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw PutEventsResponseReader.ReadError(body, response.StatusCode, Header(response, "x-amzn-ErrorType"), Header(response, "x-amzn-RequestId"));
        }

        return PutEventsResponseReader.Read(body, response.StatusCode) with { RequestId = Header(response, "x-amzn-RequestId") };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values) ? values.ToString() : null;
}
