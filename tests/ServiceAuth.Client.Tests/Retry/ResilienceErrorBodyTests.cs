using System.Net;
using System.Text;
using Polly;
using Polly.Retry;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Retry;

/// <summary>Issue 9 item 7 with the resilience handlers: after <see cref="AwsRetryPredicates.ShouldHandle(RetryPredicateArguments{HttpResponseMessage})"/>
/// reads a 429/5xx (or 400 throttling) code, the caller still gets the whole body, large and chunked or small.</summary>
public sealed class ResilienceErrorBodyTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", 70 * 1024, true)]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequestsException", 70 * 1024, true)]
    [InlineData(HttpStatusCode.BadRequest, "Throttling", 100, true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalFailure", 100, true)]
    public async Task ShouldHandle_ChunkedErrorBody_ReachesTheCallerIntact(HttpStatusCode status, string code, int padding, bool retryable)
    {
        byte[] body = Encoding.UTF8.GetBytes($"<ErrorResponse><Error><Code>{code}</Code><Message>{new string('x', padding)}</Message></Error></ErrorResponse>");
        using var answer = new HttpResponseMessage(status) { Content = new StreamContent(new NonSeekableStream(body)) };
        ResilienceContext context = ResilienceContextPool.Shared.Get();

        bool handled = await AwsRetryPredicates.ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromResult(answer), 0));

        ResilienceContextPool.Shared.Return(context);
        handled.ShouldBe(retryable);
        (await answer.Content.ReadAsByteArrayAsync()).ShouldBe(body);
    }
}
