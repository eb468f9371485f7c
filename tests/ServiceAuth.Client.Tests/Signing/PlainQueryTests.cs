using System.Text;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>The fast path for plain queries and paths writes exactly what the general canonicalization writes.</summary>
public sealed class PlainQueryTests
{
    /// <summary>513 characters: with the two parameters before it, a query longer than the 512 taken on the stack.</summary>
    private const string LongValue =
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" +
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" +
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" +
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" +
        "x";

    [Theory]
    [InlineData("limit=25&color=blue")]
    [InlineData("a=2&a=1&a=&b")]
    [InlineData("z=1&&y=~._-&=v&x")]
    [InlineData("b=2&b=10&a=1&A=0&a-b=3&a_b=4&a.b=5")]
    [InlineData("x")]
    [InlineData("&")]
    [InlineData("a=1&b=2")]
    [InlineData("a=1&b")]
    [InlineData("a&b=2")]
    [InlineData("a=1&b=2&")]
    [InlineData("&a=1&b=2")]
    [InlineData("a=1&&b=2")]
    [InlineData("a=1&a=1&a=2&b=")]
    [InlineData("a=&b=")]
    [InlineData("=&=")]
    public void TryAppend_PlainQuery_WritesWhatCanonicalQueryWrites(string query)
    {
        string plain = Write((ref ByteBuilder b) => PlainQuery.TryAppend(ref b, query).ShouldBeTrue());
        string general = Write((ref ByteBuilder b) =>
        {
            var canonical = new CanonicalQuery("?" + query, 0);
            canonical.WriteSorted(ref b);
            canonical.Dispose();
        });

        plain.ShouldBe(general);
    }

    [Theory]
    [InlineData("a=x=y")]
    [InlineData("q=a+b")]
    [InlineData("q=a%20b")]
    [InlineData("q=caf\u00e9")]
    [InlineData("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11&l=12&m=13&n=14&o=15&p=16&q=17")]
    [InlineData("a=1&b=2&c=" + LongValue)]
    public void TryAppend_QueryThatIsNotPlain_WritesNothing(string query)
    {
        string written = Write((ref ByteBuilder b) => PlainQuery.TryAppend(ref b, query).ShouldBeFalse());

        written.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/prod/items", true, "/prod/items")]
    [InlineData("/", true, "/")]
    [InlineData("/a/b/", true, "/a/b/")]
    [InlineData("/a.b/c~d_e-f", true, "/a.b/c~d_e-f")]
    [InlineData("/a//b/./c/../d", true, "/a/b/d")]
    [InlineData("/a/.hidden", true, "/a/.hidden")]
    [InlineData("/a/b%20c", true, "/a/b%2520c")]
    [InlineData("/a//b/./c", false, "/a//b/./c")]
    public void Append_Path_IsCanonical(string path, bool normalize, string expected)
    {
        string written = Write((ref ByteBuilder b) => CanonicalPath.Append(ref b, path, normalize));

        written.ShouldBe(expected);
    }

    private delegate void Writer(ref ByteBuilder builder);

    private static string Write(Writer write)
    {
        var builder = new ByteBuilder(256);
        try
        {
            write(ref builder);
            return Encoding.UTF8.GetString(builder.Written);
        }
        finally
        {
            builder.Dispose();
        }
    }
}
