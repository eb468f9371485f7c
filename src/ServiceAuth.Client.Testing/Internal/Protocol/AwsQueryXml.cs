namespace ServiceAuth.Client.Testing.Internal.Protocol;

/// <summary>awsQuery XML bodies, laid out as in docs/reference (aws-query-wire-and-sns-publishers.md, A4).</summary>
internal static class AwsQueryXml
{
    public const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    public const string SnsNamespace = "http://sns.amazonaws.com/doc/2010-03-31/";
    public const string ContentType = "text/xml";

    /// <summary>Escapes XML text content (&amp;, &lt;, &gt;); quotes and apostrophes stay as they are, as AWS sends them.</summary>
    public static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Wraps a result in <c>&lt;{action}Response&gt;&lt;{action}Result&gt;</c> with the request id.</summary>
    public static WireResponse Success(string action, string xmlNamespace, string resultXml, string requestId) =>
        WireResponse.Text(
            200,
            ContentType,
            $"<{action}Response xmlns=\"{xmlNamespace}\">\n  <{action}Result>\n{resultXml}  </{action}Result>\n" +
            $"  <ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata>\n</{action}Response>\n");

    /// <summary>The <c>ErrorResponse</c> body: Type (Sender or Receiver), Code, Message, then RequestId.</summary>
    public static WireResponse Error(int statusCode, string xmlNamespace, string code, string message, string requestId)
    {
        string type = statusCode >= 500 ? "Receiver" : "Sender";
        var response = WireResponse.Text(
            statusCode,
            ContentType,
            $"<ErrorResponse xmlns=\"{xmlNamespace}\">\n" +
            $"  <Error><Type>{type}</Type><Code>{Escape(code)}</Code><Message>{Escape(message)}</Message></Error>\n" +
            $"  <RequestId>{requestId}</RequestId>\n</ErrorResponse>\n");
        response.ErrorCode = code;
        response.ErrorMessage = message;
        return response;
    }
}
