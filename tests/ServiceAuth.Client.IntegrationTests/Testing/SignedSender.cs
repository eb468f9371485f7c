using System.Text;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>
/// Signs requests with a signer that is not the endpoint's verifier, and sends them: the AWS SDK's standalone
/// <see cref="AWSSigV4Signer"/> by default, or ServiceAuth.Client's <see cref="SigV4Signer"/>.
/// </summary>
internal sealed class SignedSender : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly LocalAwsEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly SignerKind _signer;

    public SignedSender(LocalAwsEndpoint endpoint, TimeProvider time, bool inMemory = true, SignerKind signer = SignerKind.AwsSdk)
    {
        _endpoint = endpoint;
        _time = time;
        _signer = signer;
        _invoker = new HttpMessageInvoker(inMemory ? endpoint.CreateHandler() : new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    public static XNamespace Sts => "https://sts.amazonaws.com/doc/2011-06-15/";

    public static XNamespace Sns => "http://sns.amazonaws.com/doc/2010-03-31/";

    public HttpRequestMessage Request(HttpMethod method, string pathAndQuery, string? body = null) =>
        new(method, new Uri(_endpoint.BaseAddress, pathAndQuery))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

    public async Task Sign(HttpRequestMessage request, ImmutableCredentials credentials, string service = "execute-api", DateTimeOffset? at = null, string region = "us-east-1")
    {
        DateTimeOffset signedAt = at ?? _time.GetUtcNow();
        if (_signer == SignerKind.ServiceAuth)
        {
            await SigV4Signer.Shared.SignAsync(request, credentials, new SigV4SigningParameters { Region = region, Service = service, SigningTime = signedAt });
            return;
        }

        AWSSigningResult added = await AWSSigV4Signer.SignAsync(await SdkRequestAsync(request), SdkParameters(credentials, service, signedAt, region));
        foreach (KeyValuePair<string, string> header in added.Headers)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    public async Task<Uri> PresignAsync(HttpRequestMessage request, ImmutableCredentials credentials, TimeSpan expiresIn)
    {
        if (_signer == SignerKind.ServiceAuth)
        {
            return SigV4Signer.Shared.Presign(request, credentials, new SigV4SigningParameters { Region = "us-east-1", Service = "execute-api", SigningTime = _time.GetUtcNow() }, expiresIn);
        }

        return AWSSigV4Signer.Presign(await SdkRequestAsync(request), SdkParameters(credentials, "execute-api", _time.GetUtcNow()), expiresIn).Uri;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _invoker.SendAsync(request, CancellationToken.None);

    public async Task<HttpResponseMessage> SignAndSendAsync(HttpRequestMessage request, ImmutableCredentials credentials, string service = "execute-api", DateTimeOffset? at = null, string region = "us-east-1")
    {
        await Sign(request, credentials, service, at, region);
        return await SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, ImmutableCredentials credentials) =>
        SignAndSendAsync(Request(HttpMethod.Get, path), credentials);

    /// <summary>POSTs an awsQuery form to '/', encoded with Uri.EscapeDataString as the SDKs do.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string service, ImmutableCredentials credentials, params (string Name, string Value)[] fields)
    {
        string body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint.BaseAddress)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        return await SignAndSendAsync(request, credentials, service);
    }

    /// <summary>Calls AssumeRole and reads the credentials out of the XML answer.</summary>
    public async Task<ImmutableCredentials> AssumeRoleAsync(ImmutableCredentials caller, string roleArn, string session = "s1")
    {
        using HttpResponseMessage response = await PostFormAsync(
            "sts", caller, ("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", roleArn), ("RoleSessionName", session));
        XDocument xml = await ReadXmlAsync(response);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"{xml}\nWhy: {_endpoint.LastDenial}");
        XElement credentials = xml.Descendants(Sts + "Credentials").Single();
        return new ImmutableCredentials(
            credentials.Element(Sts + "AccessKeyId")!.Value,
            credentials.Element(Sts + "SecretAccessKey")!.Value,
            credentials.Element(Sts + "SessionToken")!.Value);
    }

    public static async Task<XDocument> ReadXmlAsync(HttpResponseMessage response) =>
        XDocument.Parse(await response.Content.ReadAsStringAsync());

    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await ReadXmlAsync(response)).Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;

    public void Dispose() => _invoker.Dispose();

    private static async Task<AWSSigningRequest> SdkRequestAsync(HttpRequestMessage request)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri!,
            Content = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(),
        };
        IDictionary<string, string> headers = signing.Headers;
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["Content-Type"] = contentType.ToString();
        }

        return signing;
    }

    private static AWSSigV4Parameters SdkParameters(ImmutableCredentials credentials, string service, DateTimeOffset signedAt, string region = "us-east-1") => new()
    {
        Credentials = credentials.UseToken
            ? new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token)
            : new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey),
        Region = RegionEndpoint.GetBySystemName(region),
        Service = service,
        SignedAt = signedAt.UtcDateTime,
    };
}
