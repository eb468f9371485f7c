// Records the awsQuery form bodies that @aws-sdk/client-sns sends for a fixed set of Publish and PublishBatch inputs.
// Not run by CI. Regenerate (see README.md beside this file):
//   mkdir -p /tmp/snsrec && cd /tmp/snsrec && npm init -y && npm install @aws-sdk/client-sns
//   SNS_SDK_DIR=/tmp/snsrec node record.mjs ../../Data/sns/publish-corpus.json
import http from 'node:http';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.SNS_SDK_DIR ? `${process.env.SNS_SDK_DIR}/` : import.meta.url);
const { SNSClient, PublishCommand, PublishBatchCommand } = require('@aws-sdk/client-sns');
const sdkVersion = require('@aws-sdk/client-sns/package.json').version;

const topic = 'arn:aws:sns:us-east-1:123456789012:orders';
const fifo = 'arn:aws:sns:us-east-1:123456789012:orders.fifo';
const bin = (b64) => ({ base64: b64 });
const attr = (DataType, value) => (typeof value === 'object' ? { DataType, BinaryValue: value } : { DataType, StringValue: value });

const cases = [
  ['plain', 'Publish', { TopicArn: topic, Message: 'hello' }],
  ['subject', 'Publish', { TopicArn: topic, Message: 'hello', Subject: 'Order placed' }],
  ['attribute-string', 'Publish', { TopicArn: topic, Message: 'm', MessageAttributes: { s: attr('String', 'text value') } }],
  ['attribute-number', 'Publish', { TopicArn: topic, Message: 'm', MessageAttributes: { n: attr('Number', '-42.5e3') } }],
  ['attribute-binary', 'Publish', { TopicArn: topic, Message: 'm', MessageAttributes: { b: attr('Binary', bin('AAEC/w==')) } }],
  ['attribute-string-array', 'Publish', { TopicArn: topic, Message: 'm', MessageAttributes: { arr: attr('String.Array', '["a", 1, true, null]') } }],
  ['attributes-all', 'Publish', { TopicArn: topic, Message: '{"orderId":"o-1","total":12.5}', Subject: 'OrderPlaced', MessageAttributes: {
    'event.type': attr('String', 'OrderPlaced'), amount: attr('Number', '12.5'), raw: attr('Binary', bin('3q2+7w==')),
    tags: attr('String.Array', '["x","y"]'), 'with-dash_under': attr('String', 'a&b=c') } }],
  ['fifo', 'Publish', { TopicArn: fifo, Message: 'm', MessageGroupId: 'g-1', MessageDeduplicationId: 'd-1' }],
  ['fifo-group-only', 'Publish', { TopicArn: fifo, Message: 'm', MessageGroupId: 'customer/42:eu' }],
  ['fifo-all', 'Publish', { TopicArn: fifo, Message: 'm', Subject: 's', MessageGroupId: 'g', MessageDeduplicationId: 'd!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', MessageAttributes: { k: attr('String', 'v') } }],
  ['standard-group', 'Publish', { TopicArn: topic, Message: 'm', MessageGroupId: 'tenant-7' }],
  ['structure-json', 'Publish', { TopicArn: topic, Message: '{"default":"d","sqs":"{\\"a\\":1}"}', MessageStructure: 'json' }],
  ['structure-json-subject-attrs', 'Publish', { TopicArn: topic, Message: '{"default":"d"}', MessageStructure: 'json', Subject: 'S', MessageAttributes: { a: attr('String', 'b') } }],
  ['unicode', 'Publish', { TopicArn: topic, Message: 'Grüße aus Köln: € 😀 中文 ñ', Subject: 'Ünïcödé', MessageAttributes: { 'u': attr('String', 'naïve 😀') } }],
  ['reserved-characters', 'Publish', { TopicArn: topic, Message: " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\r\n", MessageAttributes: { r: attr('String', "!'()*~._-+ =&%") } }],
  ['large-ish', 'Publish', { TopicArn: topic, Message: 'x'.repeat(3000) + 'ü'.repeat(500) }],
  ['batch-1', 'PublishBatch', { TopicArn: topic, PublishBatchRequestEntries: [{ Id: '0', Message: 'one' }] }],
  ['batch-1-full', 'PublishBatch', { TopicArn: fifo, PublishBatchRequestEntries: [{ Id: '0', Message: '{"default":"x"}', Subject: 'sub', MessageStructure: 'json',
    MessageGroupId: 'g', MessageDeduplicationId: 'd', MessageAttributes: { s: attr('String', 'v'), n: attr('Number', '1'), b: attr('Binary', bin('AAEC/w==')), a: attr('String.Array', '["q"]') } }] }],
  ['batch-10', 'PublishBatch', { TopicArn: topic, PublishBatchRequestEntries: Array.from({ length: 10 }, (_, i) => ({
    Id: String(i), Message: `message ${i} ü&=`, ...(i % 3 === 0 ? { Subject: `subject ${i}` } : {}),
    ...(i % 2 === 0 ? { MessageAttributes: { idx: attr('Number', String(i)), name: attr('String', `n ${i}`) } } : {}) })) }],
  ['batch-10-fifo', 'PublishBatch', { TopicArn: fifo, PublishBatchRequestEntries: Array.from({ length: 10 }, (_, i) => ({
    Id: String(i), Message: `m${i}`, MessageGroupId: `g${i % 2}`, MessageDeduplicationId: `d-${i}` })) }],
];

const toSdk = (value) => {
  if (Array.isArray(value)) return value.map(toSdk);
  if (value && typeof value === 'object') {
    if (typeof value.base64 === 'string' && Object.keys(value).length === 1) return new Uint8Array(Buffer.from(value.base64, 'base64'));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSdk(v)]));
  }
  return value;
};

const bodies = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    bodies.push({ body, contentType: req.headers['content-type'] });
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(body.startsWith('Action=PublishBatch')
      ? '<PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishBatchResult><Successful/><Failed/></PublishBatchResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishBatchResponse>'
      : '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = new SNSClient({
  region: 'us-east-1',
  endpoint: `http://127.0.0.1:${server.address().port}`,
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  maxAttempts: 1,
});

const out = [];
for (const [name, operation, input] of cases) {
  const command = operation === 'Publish' ? new PublishCommand(toSdk(input)) : new PublishBatchCommand(toSdk(input));
  await client.send(command);
  const { body, contentType } = bodies.shift();
  out.push({ name, operation, input, contentType, body });
}
server.close();
const doc = { generator: `@aws-sdk/client-sns ${sdkVersion} via tests/ServiceAuth.Client.Tests/Sns/Corpus/record.mjs`, cases: out };
fs.writeFileSync(process.argv[2] ?? 'publish-corpus.json', JSON.stringify(doc, null, 2) + '\n');
console.log(`recorded ${out.length} cases with @aws-sdk/client-sns ${sdkVersion}`);
