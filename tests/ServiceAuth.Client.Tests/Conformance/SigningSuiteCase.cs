using System.Text.Json;
using Amazon.Runtime;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>One folder of <c>aws-signing-test-suite/v4</c> or <c>v4a</c>: the request, its <c>context.json</c> and the expected files.</summary>
public sealed class SigningSuiteCase
{
    private static readonly HashSet<string> ContentHeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    private SigningSuiteCase(string name, string directory)
    {
        Name = name;
        Directory = directory;
        IsV4a = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(directory)) == "v4a";
        Request = HttpMessageText.Parse(File.ReadAllText(System.IO.Path.Combine(directory, "request.txt")));
        using JsonDocument context = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(directory, "context.json")));
        JsonElement root = context.RootElement;
        JsonElement credentials = root.GetProperty("credentials");
        Credentials = new ImmutableCredentials(
            credentials.GetProperty("access_key_id").GetString(),
            credentials.GetProperty("secret_access_key").GetString(),
            credentials.TryGetProperty("token", out JsonElement token) ? token.GetString() : null);
        Region = root.GetProperty("region").GetString()!;
        Service = root.GetProperty("service").GetString()!;
        Timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Normalize = root.GetProperty("normalize").GetBoolean();
        SignBody = root.GetProperty("sign_body").GetBoolean();
        OmitSessionToken = root.TryGetProperty("omit_session_token", out JsonElement omit) && omit.GetBoolean();
        ExpiresIn = TimeSpan.FromSeconds(root.GetProperty("expiration_in_seconds").GetInt32());
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>Gets a value indicating whether the case is a SigV4a one (<c>region</c> is then the region set).</summary>
    public bool IsV4a { get; }

    public HttpMessageText Request { get; }

    public ImmutableCredentials Credentials { get; }

    public string Region { get; }

    public string Service { get; }

    public DateTimeOffset Timestamp { get; }

    public bool Normalize { get; }

    public bool SignBody { get; }

    public bool OmitSessionToken { get; }

    public TimeSpan ExpiresIn { get; }

    public SigV4SigningParameters Parameters => new()
    {
        Region = Region,
        Algorithm = IsV4a ? SignatureAlgorithm.SigV4a : SignatureAlgorithm.SigV4,
        Service = Service,
        SigningTime = Timestamp,
        NormalizePath = Normalize,
        AddContentSha256Header = SignBody,
        SignSessionToken = !OmitSessionToken,
    };

    public static SigningSuiteCase Load(string name) => new(name, System.IO.Path.Combine(SigningSuiteLocation.V4Directory, name));

    public static SigningSuiteCase LoadV4a(string name) => new(name, System.IO.Path.Combine(SigningSuiteLocation.V4aDirectory, name));

    public static IEnumerable<string> AllNames() => Names(SigningSuiteLocation.V4Directory);

    public static IEnumerable<string> AllV4aNames() => Names(SigningSuiteLocation.V4aDirectory);

    public string Expected(string file) => File.ReadAllText(System.IO.Path.Combine(Directory, file)).Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>Builds the request so that the path and query reach the signer verbatim, as the harness feeds them; the
    /// host comes from the URI, content headers go on a <see cref="ByteArrayContent"/> exactly as given.</summary>
    public HttpRequestMessage BuildRequest()
    {
        string host = Request.Headers.First(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value.Trim();
        var uri = new Uri("https://" + host + Request.PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(Request.Method), uri);
        bool hasContentHeaders = Request.Headers.Any(h => ContentHeaderNames.Contains(h.Key));
        if (Request.Body.Length > 0 || hasContentHeaders)
        {
            request.Content = new ByteArrayContent(Request.Body);
        }

        foreach (KeyValuePair<string, string> header in Request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            bool added = ContentHeaderNames.Contains(header.Key)
                ? request.Content!.Headers.TryAddWithoutValidation(header.Key, header.Value)
                : request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            added.ShouldBeTrue($"{Name}: header {header.Key} was refused");
        }

        return request;
    }

    public override string ToString() => Name;

    private static IEnumerable<string> Names(string directory) =>
        SigningSuiteLocation.IsPresent
            ? System.IO.Directory.GetDirectories(directory).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];
}
