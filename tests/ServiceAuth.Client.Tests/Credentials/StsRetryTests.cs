using System.Net;
using Amazon.Runtime;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

public sealed class StsRetryTests
{
    [Theory]
    [InlineData("Throttling", 400, "Throttling")]
    [InlineData("RequestLimitExceeded", 400, "Throttling")]
    [InlineData("IDPCommunicationError", 400, "Throttling")]
    [InlineData("SomethingNew", 429, "Throttling")]
    [InlineData("InternalFailure", 500, "Transient")]
    [InlineData("ServiceUnavailable", 503, "Transient")]
    [InlineData("AccessDenied", 403, "NonRecoverable")]
    [InlineData("MalformedPolicyDocument", 400, "NonRecoverable")]
    [InlineData("PackedPolicyTooLarge", 400, "NonRecoverable")]
    [InlineData("RegionDisabledException", 403, "NonRecoverable")]
    [InlineData("ValidationError", 400, "NonRecoverable")]
    [InlineData("ExpiredToken", 403, "NonRecoverable")]
    [InlineData("InvalidClientTokenId", 403, "NonRecoverable")]
    public void Classify_StsErrors(string code, int status, string expected) =>
        StsRetryPipeline.Classify(FakeSts.Error(code, (HttpStatusCode)status)).ToString().ShouldBe(expected);

    [Fact]
    public void Classify_ConnectionFailuresAndTimeouts_AreTransient()
    {
        StsRetryPipeline.Classify(new HttpRequestException("connection refused")).ShouldBe(AwsErrorKind.Transient);
        StsRetryPipeline.Classify(new TaskCanceledException("timeout")).ShouldBe(AwsErrorKind.Transient);
        StsRetryPipeline.Classify(new AmazonClientException("wrapped", new IOException("reset"))).ShouldBe(AwsErrorKind.Transient);
        StsRetryPipeline.Classify(new InvalidOperationException("bug")).ShouldBe(AwsErrorKind.None);
    }

    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("RequestLimitExceeded", 400)]
    [InlineData("IDPCommunicationError", 400)]
    [InlineData("TooManyRequests", 429)]
    [InlineData("InternalFailure", 500)]
    [InlineData("ServiceUnavailable", 503)]
    public async Task AssumeRole_RetryableError_IsRetriedOnFakeTimeThenSucceeds(string code, int status)
    {
        var f = CacheFixture.ForDrivenTime();
        f.Sts.Behavior = _ => f.Sts.Calls < 3 ? throw FakeSts.Error(code, (HttpStatusCode)status) : Task.FromResult(f.Sts.Success());
        AssumedRoleCredentials entry = f.Entry();

        Task<ImmutableCredentials> waiting = entry.GetCredentialsAsync();
        await Eventually.DriveAsync(waiting, f.Time, TimeSpan.FromMilliseconds(100));

        (await waiting).AccessKey.ShouldNotBeNullOrEmpty();
        f.Sts.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task AssumeRole_ConnectionFailure_IsRetried()
    {
        var f = CacheFixture.ForDrivenTime();
        f.Sts.Behavior = _ => f.Sts.Calls < 2 ? throw new HttpRequestException("connection refused") : Task.FromResult(f.Sts.Success());
        AssumedRoleCredentials entry = f.Entry();

        Task<ImmutableCredentials> waiting = entry.GetCredentialsAsync();
        await Eventually.DriveAsync(waiting, f.Time, TimeSpan.FromMilliseconds(100));

        waiting.IsCompletedSuccessfully.ShouldBeTrue();
        f.Sts.Calls.ShouldBe(2);
    }

    [Theory]
    [InlineData("AccessDenied", 403)]
    [InlineData("MalformedPolicyDocument", 400)]
    [InlineData("PackedPolicyTooLarge", 400)]
    [InlineData("RegionDisabledException", 403)]
    [InlineData("ValidationError", 400)]
    [InlineData("ExpiredToken", 403)]
    public async Task AssumeRole_NonRecoverableError_IsNeverRetried(string code, int status)
    {
        var f = new CacheFixture();
        f.Sts.Behavior = _ => throw FakeSts.Error(code, (HttpStatusCode)status);
        AssumedRoleCredentials entry = f.Entry();

        CredentialsUnavailableException e = await Should.ThrowAsync<CredentialsUnavailableException>(entry.GetCredentialsAsync());

        e.StsErrorCode.ShouldBe(code);
        f.Sts.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task AssumeRole_ThrottledOnEveryAttempt_GivesUpAfterThreeAttempts()
    {
        var f = CacheFixture.ForDrivenTime();
        f.Sts.Behavior = _ => throw FakeSts.Error("Throttling");
        AssumedRoleCredentials entry = f.Entry();

        Task<ImmutableCredentials> waiting = entry.GetCredentialsAsync();
        await Eventually.DriveAsync(waiting, f.Time, TimeSpan.FromMilliseconds(100));

        waiting.IsFaulted.ShouldBeTrue();
        ((CredentialsUnavailableException)waiting.Exception!.InnerException!).StsErrorCode.ShouldBe("Throttling");
        f.Sts.Calls.ShouldBe(3);
    }
}
