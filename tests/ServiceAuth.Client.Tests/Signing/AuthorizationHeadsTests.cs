using System.Text;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>
/// The fixed part of the <c>Authorization</c> value kept on a signing key is the one of each signature's own access key
/// and signed-headers list, never another's, however many pairs share the key; it holds nothing secret.
/// </summary>
public sealed class AuthorizationHeadsTests
{
    private const string Scope = "20261122/eu-west-1/execute-api/aws4_request";

    [Fact]
    public void Get_AnotherAccessKeyOrSignedHeadersList_GetsItsOwnHead()
    {
        var heads = new AuthorizationHeads(Scope);

        string first = heads.Get("AKIDFIRST", "host;x-amz-date"u8);
        string otherKey = heads.Get("AKIDSECOND", "host;x-amz-date"u8);
        string otherList = heads.Get("AKIDFIRST", "host;x-amz-date;x-amz-security-token"u8);

        first.ShouldBe($"AWS4-HMAC-SHA256 Credential=AKIDFIRST/{Scope}, SignedHeaders=host;x-amz-date, Signature=");
        otherKey.ShouldBe($"AWS4-HMAC-SHA256 Credential=AKIDSECOND/{Scope}, SignedHeaders=host;x-amz-date, Signature=");
        otherList.ShouldBe($"AWS4-HMAC-SHA256 Credential=AKIDFIRST/{Scope}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=");
        heads.Get("AKIDFIRST", "host;x-amz-date"u8).ShouldBeSameAs(first);
    }

    [Fact]
    public void Get_MorePairsThanItKeeps_StaysCorrectForEvery()
    {
        var heads = new AuthorizationHeads(Scope);

        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 10; i++)
            {
                string list = $"host;x-amz-date;x-custom-{i}";
                heads.Get($"AKID{i}", Encoding.ASCII.GetBytes(list))
                    .ShouldBe($"AWS4-HMAC-SHA256 Credential=AKID{i}/{Scope}, SignedHeaders={list}, Signature=");
            }
        }
    }

    [Fact]
    public void Get_ManyThreadsWithDifferentPairs_EachGetsItsOwn()
    {
        var heads = new AuthorizationHeads(Scope);

        Parallel.For(0, 2000, i =>
        {
            string list = $"host;x-{i % 7}";
            heads.Get($"AKID{i % 5}", Encoding.ASCII.GetBytes(list))
                .ShouldBe($"AWS4-HMAC-SHA256 Credential=AKID{i % 5}/{Scope}, SignedHeaders={list}, Signature=");
        });
    }

    [Fact]
    public void ToString_ShowsNoValue()
    {
        var heads = new AuthorizationHeads(Scope);
        heads.Get("AKIDFIRST", "host"u8);

        heads.ToString()!.ShouldNotContain("AKID");
    }
}
