using System.Net;

namespace ServiceAuth.Client.IntegrationTests.SnsMessages;

/// <summary>Answers every request with a fixed PEM body and counts the requests (certificate fetches).</summary>
internal sealed class RecordingHandler(string pem) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) });
    }
}
