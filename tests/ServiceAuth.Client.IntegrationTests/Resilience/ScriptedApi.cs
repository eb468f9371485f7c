using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Resilience;

/// <summary>
/// A <see cref="LocalAwsEndpoint"/> API whose answers are scripted per authorized call: the endpoint verifies each
/// signature first, so every call the script sees carried a valid one. Records the bodies it received.
/// </summary>
internal sealed class ScriptedApi : IAsyncDisposable
{
    public const string Body = "{\"orderId\":42,\"items\":[\"a\",\"b\"]}";

    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _script = new();

    public ScriptedApi(LocalAwsEndpoint endpoint)
    {
        Endpoint = endpoint;
        Caller = endpoint.AddUser("caller");
        endpoint.AddApi("ANY", "/prod/{rest+}", [Caller.Arn], Respond);
    }

    public LocalAwsEndpoint Endpoint { get; }

    public LocalUser Caller { get; }

    public ConcurrentQueue<string> ReceivedBodies { get; } = new();

    public int VerifiedCalls => ReceivedBodies.Count;

    /// <summary>Answers the next calls with these, in order; 200 after them.</summary>
    public void Then(params Func<HttpResponseMessage>[] answers)
    {
        foreach (Func<HttpResponseMessage> answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public static HttpResponseMessage Throttling() => Error(HttpStatusCode.BadRequest, "ThrottlingException");

    public static HttpResponseMessage Unavailable() => Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException");

    /// <summary>A signed client named "orders" against the endpoint, the recorder below the signer.</summary>
    public IHttpClientBuilder AddClient(IServiceCollection services, WireRecorder recorder, TimeProvider time)
    {
        services.AddSingleton(time);
        return services.AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = new Uri(Endpoint.BaseAddress, "prod/");
                o.Region = "us-east-1";
                o.Service = "execute-api";
                o.Credentials = Caller.ToAwsCredentials();
                o.AllowInsecureHttp = Endpoint.BaseAddress.Scheme == Uri.UriSchemeHttp; // the in-memory endpoint's address
            })
            .ConfigurePrimaryHttpMessageHandler(() => recorder);
    }

    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();

    private static HttpResponseMessage Error(HttpStatusCode status, string type)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{\"message\":\"scripted\"}", Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", type);
        return response;
    }

    private HttpResponseMessage Respond(ApiInvocation call)
    {
        ReceivedBodies.Enqueue(call.Body);
        return _script.TryDequeue(out Func<HttpResponseMessage>? next) ? next() : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true}") };
    }
}
