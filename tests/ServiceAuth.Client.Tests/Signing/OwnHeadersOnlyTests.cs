using System.Text;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>
/// The shortcut for a request without content that carries no header to sign writes exactly what the general path
/// (every line collected and sorted) writes, reports the same headers found, and declines, having written nothing,
/// every request the general path must handle.
/// </summary>
public sealed class OwnHeadersOnlyTests
{
    private const string AmzDate = "20261122T120000Z";
    private const string Hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static TheoryData<string, string> Eligible => Matrix(["none", "authorization", "date-other", "date-same", "token-other", "token-same", "unsigned", "all"]);

    public static TheoryData<string, string> Declined => Matrix(["custom", "host", "content-sha256", "region-set-sigv4", "content"]);

    [Theory]
    [MemberData(nameof(Eligible))]
    public void TryAppend_RequestWithoutHeadersToSign_WritesWhatTheGeneralPathWrites(string headers, string own)
    {
        OwnHeaders ownHeaders = Own(own);
        using HttpRequestMessage request = Request(headers, ownHeaders);

        var fast = new ByteBuilder(256);
        var sorted = new ByteBuilder(256);
        try
        {
            OwnHeadersOnly.TryAppend(ref fast, request, request.RequestUri!, ownHeaders, out FoundHeaders fastFound, out Range fastSigned).ShouldBeTrue();
            Range sortedSigned = CanonicalHeaders.AppendSorted(ref sorted, request, request.RequestUri!, ownHeaders, out FoundHeaders sortedFound);

            Encoding.UTF8.GetString(fast.Written).ShouldBe(Encoding.UTF8.GetString(sorted.Written));
            Encoding.UTF8.GetString(fast.Written[fastSigned]).ShouldBe(Encoding.UTF8.GetString(sorted.Written[sortedSigned]));
            fastFound.ShouldBe(sortedFound);
        }
        finally
        {
            fast.Dispose();
            sorted.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public void TryAppend_RequestWithAHeaderToSign_DeclinesHavingWrittenNothing(string headers, string own)
    {
        OwnHeaders ownHeaders = Own(own);
        using HttpRequestMessage request = Request(headers, ownHeaders);

        var builder = new ByteBuilder(256);
        try
        {
            OwnHeadersOnly.TryAppend(ref builder, request, request.RequestUri!, ownHeaders, out FoundHeaders found, out _).ShouldBeFalse();
            builder.Length.ShouldBe(0);
            found.ShouldBe(FoundHeaders.None);
        }
        finally
        {
            builder.Dispose();
        }
    }

    private static TheoryData<string, string> Matrix(string[] headerSets)
    {
        var data = new TheoryData<string, string>();
        foreach (string headers in headerSets)
        {
            foreach (string own in new[] { "plain", "token", "token-bytes", "sha256", "region-set", "everything" })
            {
                data.Add(headers, own);
            }
        }

        return data;
    }

    private static OwnHeaders Own(string own) => own switch
    {
        "plain" => new OwnHeaders(AmzDate, null, null, null),
        "token" => new OwnHeaders(AmzDate, "  Token  with   spaces ", null, null),
        "token-bytes" => new OwnHeaders(AmzDate, "Token", null, null, "Token"u8.ToArray()),
        "sha256" => new OwnHeaders(AmzDate, null, null, Hash),
        "region-set" => new OwnHeaders(AmzDate, null, "us-east-1,eu-west-1", null),
        _ => new OwnHeaders(AmzDate, "Token", "*", "UNSIGNED-PAYLOAD", "Token"u8.ToArray()),
    };

    private static HttpRequestMessage Request(string headers, in OwnHeaders own)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://Example.Amazonaws.com:8443/a/b?x=1");
        var h = request.Headers;
        bool all = headers == "all";
        if (headers == "authorization" || all)
        {
            h.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=earlier");
        }

        if (headers == "date-other" || all)
        {
            h.TryAddWithoutValidation("X-Amz-Date", "20200101T000000Z");
        }

        if (headers == "date-same")
        {
            h.TryAddWithoutValidation("X-Amz-Date", own.AmzDate);
        }

        if (headers == "token-other" || all)
        {
            h.TryAddWithoutValidation("X-Amz-Security-Token", "earlier-token");
        }

        if (headers == "token-same" && own.SecurityToken is not null)
        {
            h.TryAddWithoutValidation("X-Amz-Security-Token", own.SecurityToken);
        }

        if (headers == "unsigned" || all)
        {
            h.TryAddWithoutValidation("User-Agent", "test/1.0");
            h.TryAddWithoutValidation("X-Amzn-Trace-Id", "Root=1-abc");
            h.TryAddWithoutValidation("Connection", "keep-alive");
        }

        switch (headers)
        {
            case "custom":
                h.TryAddWithoutValidation("X-Custom", "v");
                break;
            case "host":
                h.TryAddWithoutValidation("Host", "other.example.com");
                break;
            case "content-sha256":
                h.TryAddWithoutValidation("x-amz-content-sha256", Hash);
                break;
            case "region-set-sigv4" when own.RegionSet is null:
                h.TryAddWithoutValidation("X-Amz-Region-Set", "us-west-2");
                break;
            case "region-set-sigv4":
                h.TryAddWithoutValidation("X-Custom", "v");
                break;
            case "content":
                request.Content = new ByteArrayContent([]);
                break;
        }

        return request;
    }
}
