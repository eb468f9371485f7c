using System.Net;
using System.Text;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Sns.Internal;

namespace ServiceAuth.Client.Tests.Sns;

/// <summary>The awsQuery answers of reference A4, as the JS SDK parsed them.</summary>
public sealed class SnsResponseReaderTests
{
    [Fact]
    public void PublishBatch_ReadsSuccessfulAndFailedMembers()
    {
        const string Xml = """
            <PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishBatchResult>
                <Successful>
                  <member><Id>e1</Id><MessageId>11111111-2222-3333-4444-555555555555</MessageId><SequenceNumber>10000000000000003000</SequenceNumber></member>
                </Successful>
                <Failed>
                  <member><Id>e2</Id><Code>InvalidParameter</Code><Message>Invalid parameter: Message too long</Message><SenderFault>true</SenderFault></member>
                </Failed>
              </PublishBatchResult>
              <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a1</RequestId></ResponseMetadata>
            </PublishBatchResponse>
            """;

        List<SnsBatchResponseEntry> entries = SnsResponseReader.ReadPublishBatch(Encoding.UTF8.GetBytes(Xml), HttpStatusCode.OK);

        entries.Count.ShouldBe(2);
        (entries[0].Id, entries[0].Failed, entries[0].MessageId, entries[0].SequenceNumber).ShouldBe(("e1", false, "11111111-2222-3333-4444-555555555555", "10000000000000003000"));
        (entries[1].Id, entries[1].Failed, entries[1].Code, entries[1].Message, entries[1].SenderFault).ShouldBe(("e2", true, "InvalidParameter", "Invalid parameter: Message too long", true));
    }

    [Fact]
    public void PublishBatch_EmptySectionsInEitherOrder_AreFine()
    {
        SnsResponseReader.ReadPublishBatch("<PublishBatchResponse><PublishBatchResult><Failed/><Successful/></PublishBatchResult></PublishBatchResponse>"u8.ToArray(), HttpStatusCode.OK).ShouldBeEmpty();
    }

    [Fact]
    public void PublishBatch_NotXml_IsMalformedResponse() =>
        Should.Throw<SnsException>(() => SnsResponseReader.ReadPublishBatch("{}"u8.ToArray(), HttpStatusCode.OK)).Code.ShouldBe("MalformedResponse");

    [Fact]
    public void Error_WithDoctype_IsNotExpanded()
    {
        byte[] body = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><ErrorResponse><Error><Code>&e;</Code></Error></ErrorResponse>"""u8.ToArray();

        SnsException ex = SnsResponseReader.ReadError(body, HttpStatusCode.BadRequest, "hdr");

        ex.Code.ShouldBe(string.Empty);
        ex.RequestId.ShouldBe("hdr");
    }
}
