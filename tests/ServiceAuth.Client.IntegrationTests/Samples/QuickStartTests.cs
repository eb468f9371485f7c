using ServiceAuth.Client.QuickStart;

namespace ServiceAuth.Client.IntegrationTests.Samples;

public sealed class QuickStartTests
{
    [Fact]
    public async Task RunAsync_EveryStepBehaves_ExitsZeroWithTranscript()
    {
        using var output = new StringWriter();

        int exitCode = await QuickStartScenario.RunAsync(output);

        string transcript = output.ToString();
        exitCode.ShouldBe(0, transcript);
        transcript.ShouldContain("-> 200 OK as arn:aws:iam::111111111111:user/service-a [ok]");
        transcript.ShouldContain("-> 403 Forbidden AccessDeniedException [ok]");
        transcript.ShouldContain("-> 200 OK as arn:aws:sts::222222222222:assumed-role/orders-caller/");
        transcript.ShouldContain("the subscriber received OrderPlaced { OrderId = order-42, Total = 99.95 }");
        transcript.ShouldContain("a rule on C's bus matched detail-type OrderPlaced with OrderPlaced { OrderId = order-43, Total = 12.50 }");
        transcript.ShouldContain("-> 200 OK as arn:aws:iam::111111111111:role/service-a [ok]");
        transcript.ShouldContain("-> 401 Unauthorized Bearer [ok]");
        transcript.ShouldContain("STS AssumeRole calls: 2 ");
        transcript.ShouldContain("-> 200 OK as ");
        transcript.ShouldContain("-> 403 Forbidden Bearer scope=\"orders/read\" error=\"insufficient_scope\" error_description=\"expected scopes: [orders/read]\" [ok]");
        transcript.ShouldContain("13. a reporting service in another account calls C's API");
        transcript.ShouldContain("why (the local endpoint says; AWS does not): arn:aws:iam::444444444444:user/reporting -> execute-api:Invoke");
        transcript.ShouldContain("A cross-account request needs the caller's identity-based policy to allow it too, and none does");
        transcript.ShouldContain("statement 'PublishOnly' of identity-based policy 1 of arn:aws:iam::444444444444:user/reporting: Action [sns:Publish] does not include execute-api:Invoke");
        transcript.ShouldContain("-> 200 OK subscription arn:aws:sns:us-east-1:222222222222:orders:");
        transcript.ShouldContain("B read OrderPlaced { OrderId = order-42, Total = 99.95 } from arn:aws:sns:us-east-1:222222222222:orders (SignatureVersion 1) [ok]");
        transcript.ShouldContain("-> 403 Forbidden AuthorizationError [ok]");
        transcript.ShouldContain("All 13 steps behaved as shown.");
    }

    [Fact]
    public async Task Transcript_AStepMisbehaves_FinishReturnsNonZero()
    {
        using var output = new StringWriter();
        var transcript = new Transcript(output, new Uri("http://127.0.0.1/"));

        await transcript.CheckAsync("a step that does not behave", () => Task.FromResult((false, "unexpected")));

        transcript.Finish(0).ShouldBe(1);
        output.ToString().ShouldContain("[UNEXPECTED]");
        output.ToString().ShouldContain("1 of 1 steps did not behave as shown.");
    }
}
