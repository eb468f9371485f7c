using System.Net;
using System.Text;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>STS for <see cref="ReceivingSideBenchmarks"/>' one verification in the setup: confirms any token as a
/// session of role <c>orders-writer</c> in account 111111111111 (7 claims).</summary>
internal sealed class StsAnswer : HttpMessageHandler
{
    private const string Body = "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:sts::111111111111:assumed-role/orders-writer/i-0abc\",\"UserId\":\"AROAAAAAAAAAAAAAAAAA:i-0abc\"}}}";

    public int Calls { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Body, Encoding.UTF8, "application/json") });
    }
}
