// Native AOT smoke test: exercises the library's public paths (DI, signing, assume-role validation, SNS with
// source-generated JSON, EventBridge PutEvents, the standard resilience handler with AwsRetryPredicates, a per-request region
// override) in an app published with PublishAot; the trimmer and the AOT compiler warn (as errors) on anything that is
// not safe. Exit code 0 means every path worked as native code.
using System.Net;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client;
using ServiceAuth.Client.AotSmoke;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Sns;

var wire = new RecordingHandler();
var services = new ServiceCollection();
services.AddSignedHttpClient("api", o =>
    {
        o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
        o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    })
    .ConfigurePrimaryHttpMessageHandler(() => wire)
    .AddAwsRetries();
services.AddSignedHttpClient("standard", o =>
    {
        o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
        o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    })
    .ConfigurePrimaryHttpMessageHandler(() => wire)
    .AddStandardResilienceHandler(o => (o.Retry.ShouldHandle, o.Retry.DelayGenerator) = (AwsRetryPredicates.ShouldHandle, AwsRetryPredicates.DelayGenerator));
services.AddSnsPublisher<Ping>(o =>
    {
        o.TopicArn = "arn:aws:sns:eu-west-1:222233334444:pings";
        o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        o.JsonTypeInfo = SmokeJson.Default.Ping;
    })
    .ConfigurePrimaryHttpMessageHandler(() => wire);
services.AddEventBridgePublisher<Ping>(o =>
    {
        o.EventBusName = "arn:aws:events:eu-west-1:222233334444:event-bus/pings";
        o.Source = "com.example.smoke";
        o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        o.JsonTypeInfo = SmokeJson.Default.Ping;
    })
    .ConfigurePrimaryHttpMessageHandler(() => wire);
await using ServiceProvider provider = services.BuildServiceProvider();

using HttpResponseMessage response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("items?b=2&a=1");
using var overridden = new HttpRequestMessage(HttpMethod.Get, "items");
overridden.Options.Set(SigV4DelegatingHandler.RegionOptionKey, "us-west-2");
using HttpResponseMessage viaStandard = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("standard").SendAsync(overridden);
SnsPublishResult published = await provider.GetRequiredService<ISnsPublisher<Ping>>().PublishAsync(new Ping(7));
SnsBatchResult batch = await provider.GetRequiredService<ISnsPublisher<Ping>>().PublishBatchAsync(Enumerable.Range(0, 12).Select(i => new Ping(i)));
EventBridgeEntryResult put = await provider.GetRequiredService<IEventBridgePublisher<Ping>>().PublishAsync(new Ping(8));
Uri presigned = SigV4Signer.Shared.Presign(
    new HttpRequestMessage(HttpMethod.Get, "https://bucket.s3.eu-west-1.amazonaws.com/key"),
    new ImmutableCredentials("AKIDEXAMPLE", "secret", null),
    new SigV4SigningParameters { Region = "eu-west-1", Service = "s3", SigningTime = DateTimeOffset.UnixEpoch.AddYears(56) },
    TimeSpan.FromMinutes(5));
Uri presignedV4a = SigV4Signer.Shared.Presign(
    new HttpRequestMessage(HttpMethod.Get, "https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/key"),
    new ImmutableCredentials("AKIDEXAMPLE", "secret", null),
    new SigV4SigningParameters { Region = "eu-west-1", Service = "s3", SigningTime = DateTimeOffset.UnixEpoch.AddYears(56), Algorithm = SignatureAlgorithm.SigV4a, RegionSet = "*" },
    TimeSpan.FromMinutes(5));

bool ok = response.StatusCode == HttpStatusCode.OK
    && viaStandard.StatusCode == HttpStatusCode.OK
    && wire.Authorizations.Count == 6
    && wire.Authorizations[1].Contains("/us-west-2/execute-api/aws4_request", StringComparison.Ordinal)
    && wire.Authorizations.TrueForAll(a => a.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", StringComparison.Ordinal))
    && wire.Bodies[2].Contains("Message=%7B%22Count%22%3A7%7D", StringComparison.Ordinal)
    && published.MessageId == "smoke-1"
    && batch.AllSucceeded && batch.RequestCount == 2 && batch.Entries.Count == 12
    && put.EventId == "eb-1"
    && wire.Bodies[^1].Contains(""""DetailType":"Ping","Detail":"{\"Count\":8}"""", StringComparison.Ordinal)
    && presigned.Query.Contains("X-Amz-Signature=", StringComparison.Ordinal)
    && presignedV4a.Query.Contains("X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256", StringComparison.Ordinal)
    && presignedV4a.Query.Contains("X-Amz-Signature=30", StringComparison.Ordinal);
Console.WriteLine(ok ? "ServiceAuth.Client Native AOT smoke test: ok" : $"ServiceAuth.Client Native AOT smoke test: FAILED (status {response.StatusCode}, {wire.Authorizations.Count} signed requests, message id {published.MessageId}, body {wire.Bodies.LastOrDefault()})");
return ok ? 0 : 1;

namespace ServiceAuth.Client.AotSmoke
{
    public sealed record Ping(int Count);

    [System.Text.Json.Serialization.JsonSerializable(typeof(Ping))]
    internal sealed partial class SmokeJson : System.Text.Json.Serialization.JsonSerializerContext;

    internal sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Authorizations { get; } = [];

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.NonValidated.TryGetValues("Authorization", out var values) ? values.ToString() : string.Empty);
            Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
            if (request.Headers.Contains("X-Amz-Target"))
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"eb-1\"}]}") };
            }

            string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("Action=PublishBatch", StringComparison.Ordinal))
            {
                IEnumerable<string> ids = System.Text.RegularExpressions.Regex.Matches(body, @"PublishBatchRequestEntries\.member\.\d+\.Id=([^&]+)").Select(m => m.Groups[1].Value);
                string members = string.Concat(ids.Select(id => $"<member><Id>{id}</Id><MessageId>b-{id}</MessageId></member>"));
                string batchXml = $"<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishBatchResult><Successful>{members}</Successful><Failed/></PublishBatchResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishBatchResponse>";
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(batchXml, Encoding.UTF8, "text/xml") };
            }

            string xml = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>smoke-1</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };
        }
    }
}
