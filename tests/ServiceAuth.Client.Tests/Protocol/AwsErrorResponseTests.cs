using System.Net;
using System.Text;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Tests.Protocol;

public sealed class AwsErrorResponseTests
{
    [Theory]
    [InlineData("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>", "Throttling")]
    [InlineData("<?xml version=\"1.0\"?>\n<Error><Code>RequestTimeTooSkewed</Code></Error>", "RequestTimeTooSkewed")]
    [InlineData("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"x\"}", "ThrottlingException")]
    [InlineData("{\"message\":\"x\",\"code\":\"ExpiredTokenException\"}", "ExpiredTokenException")]
    [InlineData("{\"Message\":\"Missing Authentication Token\"}", null)]
    [InlineData("not an error document", null)]
    [InlineData("", null)]
    public void Parse_FindsTheCode(string body, string? expected) =>
        AwsErrorResponse.Parse(Encoding.UTF8.GetBytes(body)).ShouldBe(expected);

    [Theory]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/", "ThrottlingException")]
    [InlineData("com.amazon.coral.service#ExpiredTokenException", "ExpiredTokenException")]
    [InlineData("AccessDeniedException", "AccessDeniedException")]
    public async Task ReadCodeAsync_PrefersTheErrorTypeHeader_AndLeavesTheBodyReadable(string header, string expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"message\":\"m\"}") };
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", header);

        string? code = await AwsErrorResponse.ReadCodeAsync(response, CancellationToken.None);

        code.ShouldBe(expected);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"message\":\"m\"}");
    }

    [Fact]
    public async Task ReadCodeAsync_LargeBody_IsNotInspected()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent(new byte[AwsErrorResponse.MaxInspectedBytes + 1]) };

        (await AwsErrorResponse.ReadCodeAsync(response, CancellationToken.None)).ShouldBeNull();
    }
}
