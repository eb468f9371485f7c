using ServiceAuth.Client.Testing.Internal.Policy;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>Every worked example of the corpus decides as its page says (<see cref="PolicyCorpus"/>).</summary>
public sealed class PolicyEvaluationCorpusTests
{
    public static TheoryData<string> Examples => PolicyCorpus.Names();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Evaluate_WorkedExample_DecidesAsThePageSays(string example)
    {
        PolicyCase worked = PolicyCorpus.Cases[example];

        AccessDecision decision = PolicyEvaluator.Evaluate(worked.ToRequest());

        decision.Denial.ShouldBe(worked.Expected, $"{example} ({worked.Page})\n{decision.Explanation}");
        decision.Explanation.ShouldContain(worked.Expected == DenialKind.None ? "ALLOWED" : "DENIED");
    }

    [Fact]
    public void Corpus_CitesTheEvaluationPages()
    {
        PolicyCorpus.Cases.Values.Select(c => c.Page).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10);
        PolicyCorpus.Cases.Values.ShouldAllBe(c => c.Page.StartsWith("https://docs.aws.amazon.com/", StringComparison.Ordinal));
        PolicyCorpus.Cases.Values.Count(c => c.Expected == DenialKind.None).ShouldBeGreaterThan(10);
        PolicyCorpus.Cases.Values.Count(c => c.Expected != DenialKind.None).ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Explanation_NoStatementAllows_NamesTheFailedCondition()
    {
        PolicyCase worked = PolicyCorpus.Cases["IpAddress: the source IP is outside the CIDR"];

        AccessDecision decision = PolicyEvaluator.Evaluate(worked.ToRequest());

        decision.Explanation.ShouldContain("no statement allows");
        decision.Explanation.ShouldContain("condition IpAddress aws:SourceIp [203.0.113.0/24] is false (the request has [198.51.100.7])");
    }

    [Fact]
    public void Explanation_ExplicitDeny_NamesTheStatement()
    {
        PolicyCase worked = PolicyCorpus.Cases["single-account: explicit deny in the identity policy wins over the bucket policy's allow"];

        AccessDecision decision = PolicyEvaluator.Evaluate(worked.ToRequest());

        decision.Explanation.ShouldContain("DENIED, explicitly by statement 'DenyS3Logs' of identity policy 1");
    }

    [Theory]
    [InlineData("""{"Statement":{"Effect":"Permit","Action":"s3:*"}}""", "\"Effect\" must be \"Allow\" or \"Deny\"")]
    [InlineData("""{"Statement":{"Effect":"Allow","Resource":"*"}}""", "exactly one of \"Action\" and \"NotAction\"")]
    [InlineData("""{"Statement":{"Effect":"Allow","Action":"s3:*","Condition":{"StringSoundsLike":{"aws:userid":"x"}}}}""", "'StringSoundsLike' is not supported")]
    [InlineData("""{"Version":"2012-10-17"}""", "no \"Statement\"")]
    [InlineData("""{"Statement":""", "not valid JSON")]
    public void Parse_InvalidDocument_NamesTheProblem(string json, string expected)
    {
        Should.Throw<ArgumentException>(() => PolicyDocument.Parse(json, "p")).Message.ShouldContain(expected);
    }
}
