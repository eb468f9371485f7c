using System.Net;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>
/// ServiceAuth.Client's signer against the endpoint's independent verifier (<c>LocalAwsEndpoint</c>): the same
/// requests, signed by our signer, must be accepted exactly as AWS would accept them.
/// </summary>
public sealed class ServiceAuthSignerCrossCheckTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly SignedSender _sender;
    private readonly LocalUser _user;

    public ServiceAuthSignerCrossCheckTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time });
        _user = _endpoint.AddUser("svc");
        _endpoint.AddApi("ANY", "/v1/{rest+}", _user.Arn);
        _endpoint.AddTopic("arn:aws:sns:us-east-1:111111111111:t", _user.Arn);
        _sender = new SignedSender(_endpoint, _time, signer: SignerKind.ServiceAuth);
    }

    [Theory]
    [InlineData("/v1/a%20b%2Fc?y=a+b&x=%2B1&z=%C3%BC&empty=&flag")]
    [InlineData("/v1//x//y/")]
    public async Task SignedGet_Verifies(string pathAndQuery)
    {
        using HttpResponseMessage response = await _sender.GetAsync(pathAndQuery, _user.Credentials);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedPostWithBody_AndAwsQueryPublish_Verify()
    {
        using HttpResponseMessage post = await _sender.SignAndSendAsync(_sender.Request(HttpMethod.Post, "/v1/orders", "{\"a\":1}"), _user.Credentials);
        using HttpResponseMessage publish = await _sender.PostFormAsync("sns", _user.Credentials, ("Action", "Publish"), ("Version", "2010-03-31"), ("TopicArn", "arn:aws:sns:us-east-1:111111111111:t"), ("Message", "a b+c"));

        post.StatusCode.ShouldBe(HttpStatusCode.OK, await post.Content.ReadAsStringAsync());
        publish.StatusCode.ShouldBe(HttpStatusCode.OK, await publish.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Presigned_Verifies()
    {
        Uri url = await _sender.PresignAsync(_sender.Request(HttpMethod.Get, "/v1/x?view=full"), _user.Credentials, TimeSpan.FromMinutes(5));

        using HttpResponseMessage response = await _sender.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        await _endpoint.DisposeAsync();
    }
}
