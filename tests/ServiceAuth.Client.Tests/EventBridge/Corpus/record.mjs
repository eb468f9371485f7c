// Records the awsJson1.1 requests that @aws-sdk/client-eventbridge sends for a fixed set of PutEvents inputs: method,
// path, the protocol headers (Content-Type, X-Amz-Target), the signed-header list, and the body.
// Not run by CI. Regenerate (see README.md beside this file):
//   mkdir -p /tmp/ebrec && cd /tmp/ebrec && npm init -y && npm install @aws-sdk/client-eventbridge
//   EB_SDK_DIR=/tmp/ebrec node record.mjs ../../Data/eventbridge/putevents-corpus.json
// With LOCAL_AWS_URL, LOCAL_AWS_KEY, LOCAL_AWS_SECRET and LOCAL_AWS_BUS set (a Kestrel-hosted LocalAwsEndpoint with a
// bus and a user allowed on it), it also sends one PutEvents to that endpoint with the real SDK and prints the answer.
import http from 'node:http';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.EB_SDK_DIR ? `${process.env.EB_SDK_DIR}/` : import.meta.url);
const { EventBridgeClient, PutEventsCommand } = require('@aws-sdk/client-eventbridge');
const sdkVersion = require('@aws-sdk/client-eventbridge/package.json').version;

const bus = 'arn:aws:events:us-east-1:222233334444:event-bus/orders';
const detail = JSON.stringify({ orderId: 'o-1', total: 12.5, lines: [{ sku: 'A', qty: 2 }] });
const entry = (extra) => ({ EventBusName: bus, Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: detail, ...extra });

const cases = [
  ['minimal', [entry({})]],
  ['bus-name', [entry({ EventBusName: 'orders' })]],
  ['default-bus', [entry({ EventBusName: 'default' })]],
  ['resources', [entry({ Resources: ['arn:aws:s3:::bucket/key', 'arn:aws:dynamodb:us-east-1:222233334444:table/Orders'] })]],
  ['time-whole-seconds', [entry({ Time: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) })]],
  ['time-milliseconds', [entry({ Time: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)) })]],
  ['trace-header', [entry({ TraceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1' })]],
  ['all-fields', [entry({ Time: new Date(Date.UTC(2026, 5, 30, 23, 59, 59, 1)), Resources: ['arn:aws:sqs:us-east-1:222233334444:q'],
    TraceHeader: 'Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0' })]],
  ['detail-empty-object', [entry({ Detail: '{}' })]],
  ['detail-whitespace', [entry({ Detail: '{ "a" : 1 ,\n\t"b": [ true, null ] }' })]],
  ['detail-escapes', [entry({ Detail: JSON.stringify({ quote: '"', backslash: '\\', slash: '/', ctl: '\u0001\u001f\b\f\n\r\t', del: '\u007f', html: '<>&\'', ls: '\u2028\u2029' }) })]],
  ['detail-unicode', [entry({ Detail: JSON.stringify({ text: 'Grüße aus Köln: € 😀 中文 ñ' }) })]],
  ['source-and-type-unicode', [entry({ Source: 'com.example.bestellungen', DetailType: 'Bestellung aufgegeben: Größe "XL" \\ ✓' })]],
  ['large-ish', [entry({ Detail: JSON.stringify({ x: 'x'.repeat(3000) + 'ü'.repeat(500) }) })]],
  ['batch-2', [entry({}), entry({ DetailType: 'OrderShipped', Detail: '{"orderId":"o-2"}' })]],
  ['batch-10', Array.from({ length: 10 }, (_, i) => entry({
    DetailType: `Type ${i}`, Detail: JSON.stringify({ i, even: i % 2 === 0 }),
    ...(i % 3 === 0 ? { Resources: [`arn:aws:s3:::b/${i}`] } : {}),
    ...(i % 4 === 0 ? { Time: new Date(Date.UTC(2026, 1, 3, 4, 5, i, i * 10)) } : {}) }))],
];

const toSdk = (entries) => entries.map((e) => ({ ...e }));
const toJson = (entries) => entries.map((e) => ({ ...e, ...(e.Time ? { Time: e.Time.toISOString() } : {}) }));

const requests = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const auth = req.headers.authorization ?? '';
    const signedHeaders = (/SignedHeaders=([^,]+)/.exec(auth) ?? [])[1] ?? '';
    requests.push({ method: req.method, path: req.url, contentType: req.headers['content-type'], target: req.headers['x-amz-target'], signedHeaders, body });
    const count = JSON.parse(body).Entries.length;
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify({ Entries: Array.from({ length: count }, (_, i) => ({ EventId: `e-${i}` })), FailedEntryCount: 0 }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = new EventBridgeClient({
  region: 'us-east-1',
  endpoint: `http://127.0.0.1:${server.address().port}`,
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  maxAttempts: 1,
});

const out = [];
for (const [name, entries] of cases) {
  await client.send(new PutEventsCommand({ Entries: toSdk(entries) }));
  const r = requests.shift();
  out.push({ name, input: { Entries: toJson(entries) }, method: r.method, path: r.path, contentType: r.contentType, target: r.target, signedHeaders: r.signedHeaders, body: r.body });
}
server.close();
const doc = { generator: `@aws-sdk/client-eventbridge ${sdkVersion} via tests/ServiceAuth.Client.Tests/EventBridge/Corpus/record.mjs`, cases: out };
fs.writeFileSync(process.argv[2] ?? 'putevents-corpus.json', JSON.stringify(doc, null, 2) + '\n');
console.log(`recorded ${out.length} cases with @aws-sdk/client-eventbridge ${sdkVersion}`);

if (process.env.LOCAL_AWS_URL) {
  const local = new EventBridgeClient({
    region: process.env.LOCAL_AWS_REGION ?? 'eu-west-1',
    endpoint: process.env.LOCAL_AWS_URL,
    credentials: { accessKeyId: process.env.LOCAL_AWS_KEY, secretAccessKey: process.env.LOCAL_AWS_SECRET },
    maxAttempts: 1,
  });
  const answer = await local.send(new PutEventsCommand({ Entries: [
    { EventBusName: process.env.LOCAL_AWS_BUS, Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: detail },
    { EventBusName: process.env.LOCAL_AWS_BUS, Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: '[1]' },
  ] }));
  console.log(JSON.stringify({ FailedEntryCount: answer.FailedEntryCount, Entries: answer.Entries }));
  try {
    await local.send(new PutEventsCommand({ Entries: [] }));
  } catch (e) {
    console.log(JSON.stringify({ error: e.name, message: e.message, status: e.$metadata?.httpStatusCode }));
  }
}
