// Signs the cases generate.py writes on stdin with @smithy/signature-v4 and prints the results on stdout (JSON lines).
// The packages are not a dependency of the repository: install them in a folder of your own
// (npm install @smithy/signature-v4 @aws-crypto/sha256-js) and point DIFFTOOLS at it (default /tmp/difftools).
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";

const require = createRequire(path.join(process.env.DIFFTOOLS ?? "/tmp/difftools", "package.json"));
const { SignatureV4 } = require("@smithy/signature-v4");
const { Sha256 } = require("@aws-crypto/sha256-js");

class CapturingSigner extends SignatureV4 {
  createCanonicalRequest(request, canonicalHeaders, payloadHash) {
    this.lastCanonicalRequest = super.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    return this.lastCanonicalRequest;
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  const signer = new CapturingSigner({
    credentials: { accessKeyId: c.accessKey, secretAccessKey: c.secretKey, sessionToken: c.token ?? undefined },
    region: c.region,
    service: c.service,
    sha256: Sha256,
    uriEscapePath: !c.s3,
    applyChecksum: c.contentSha256Header,
  });
  const headers = {};
  for (const [name, value] of c.headers) headers[name] = value;
  headers["host"] = c.host;
  if (c.unsignedPayload && c.mode === "header") headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
  const query = {};
  for (const [name, value] of c.decodedQuery) {
    if (Object.hasOwn(query, name)) query[name] = [].concat(query[name], value);
    else query[name] = value;
  }
  // A body smithy cannot hash (not a string or buffer) makes it presign with UNSIGNED-PAYLOAD, as S3 presigning does.
  const body = c.mode === "presign" && (c.s3 || c.unsignedPayload) ? {} : c.body === null ? undefined : Buffer.from(c.body, "base64");
  const request = { method: c.method, protocol: "https:", hostname: c.host, path: c.path, query, headers, body };
  const signingDate = new Date(c.time);
  let out;
  try {
    if (c.mode === "header") {
      const signed = await signer.sign(request, { signingDate });
      const authorization = signed.headers["authorization"];
      out = { id: c.id, canonicalRequest: signer.lastCanonicalRequest, authorization, signature: authorization.split("Signature=")[1] };
    } else {
      const unhoistableHeaders = new Set(c.headers.map(([n]) => n.toLowerCase()));
      const signed = await signer.presign(request, { signingDate, expiresIn: c.expires, unhoistableHeaders });
      out = { id: c.id, canonicalRequest: signer.lastCanonicalRequest, signature: signed.query["X-Amz-Signature"] };
    }
  } catch (e) {
    out = { id: c.id, error: String(e) };
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}
