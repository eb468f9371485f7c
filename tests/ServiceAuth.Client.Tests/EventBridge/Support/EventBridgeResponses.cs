using System.Net;
using System.Text;
using System.Text.Json;

namespace ServiceAuth.Client.Tests.EventBridge.Support;

/// <summary>awsJson 1.1 answers in EventBridge's shapes.</summary>
public static class EventBridgeResponses
{
    /// <summary>The entries of a captured PutEvents request.</summary>
    public static JsonElement[] Entries(CapturedRequest request) =>
        [.. JsonDocument.Parse(request.BodyText).RootElement.GetProperty("Entries").EnumerateArray()];

    /// <summary>The Detail strings of a captured PutEvents request, in order.</summary>
    public static string[] Details(CapturedRequest request) => [.. Entries(request).Select(e => e.GetProperty("Detail").GetString()!)];

    /// <summary>Answers a PutEvents: every entry succeeds with <c>id-{detail}</c> unless <paramref name="failure"/> gives it
    /// an error code.</summary>
    public static HttpResponseMessage Answer(CapturedRequest request, Func<string, string?>? failure = null)
    {
        var entries = new List<string>();
        int failed = 0;
        foreach (string detail in Details(request))
        {
            if (failure?.Invoke(detail) is { } code)
            {
                failed++;
                entries.Add($$"""{"ErrorCode":"{{code}}","ErrorMessage":"{{code}} for entry"}""");
            }
            else
            {
                entries.Add($$"""{"EventId":"id-{{JsonEncodedText.Encode(detail)}}"}""");
            }
        }

        return Json($$"""{"Entries":[{{string.Join(',', entries)}}],"FailedEntryCount":{{failed}}}""");
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string type, string message)
    {
        HttpResponseMessage response = Json($$"""{"__type":"{{type}}","message":"{{message}}"}""", status);
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "req-1");
        return response;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };
}
