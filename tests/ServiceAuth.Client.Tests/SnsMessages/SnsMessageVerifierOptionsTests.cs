using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.SnsMessages;

namespace ServiceAuth.Client.Tests.SnsMessages;

public sealed class SnsMessageVerifierOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new SnsMessageVerifierOptions();

        options.MaxMessageAge.ShouldBe(TimeSpan.FromHours(1));
        options.AllowedClockSkew.ShouldBe(TimeSpan.FromMinutes(5));
        options.MinimumSignatureVersion.ShouldBe(1);
        options.MaxEnvelopeBytes.ShouldBe(2_097_152);
        options.MaxCachedCertificates.ShouldBe(16);
        options.MaxRememberedMessageIds.ShouldBe(100_000);
        options.TestSigningCertificate.ShouldBeNull();
    }

    [Fact]
    public void Resolve_InvalidOptions_FailsWithMessagesNamingTheValueAndTheFix()
    {
        using ServiceProvider provider = Provider(o =>
        {
            o.AllowedTopicArns.Add("arn:aws:sns:us-east-1:123:orders");
            o.MinimumSignatureVersion = 3;
            o.TestSigningCertUrl = new Uri("http://127.0.0.1/x.pem");
        });

        OptionsValidationException error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SnsMessageVerifierOptions>>().Value);

        error.Failures.ShouldBe(
        [
            "SNS message verifier: AllowedTopicArns entry 'arn:aws:sns:us-east-1:123:orders' is not a topic ARN (arn:<partition>:sns:<region>:<12-digit account>:<name>); wildcards are not supported.",
            "SNS message verifier: MinimumSignatureVersion 3 must be 1 or 2.",
            "SNS message verifier: TestSigningCertificate and TestSigningCertUrl go together: set both (tests only) or neither.",
        ]);
    }

    [Fact]
    public void Resolve_NoTopics_FailsAskingForThem()
    {
        using ServiceProvider provider = Provider(_ => { });

        OptionsValidationException error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SnsMessageVerifierOptions>>().Value);

        error.Failures.ShouldHaveSingleItem().ShouldStartWith("SNS message verifier: AllowedTopicArns is empty");
    }

    private static ServiceProvider Provider(Action<SnsMessageVerifierOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSnsMessageVerifier(configure);
        return services.BuildServiceProvider();
    }
}
