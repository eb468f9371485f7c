#!/usr/bin/python3
"""Generates the SigV4 differential corpus (../../Data/sigv4-differential-corpus.json).

Each random request is described as it goes on the wire from .NET (path and query already percent-encoded the way
System.Uri leaves them), signed with botocore and with @smithy/signature-v4 (sign_smithy.mjs), and kept only when both
agree on the canonical request and the signature. The reference signers are not dependencies of the repository:

    apt-get install -y python3-botocore              # botocore for /usr/bin/python3
    mkdir -p /tmp/difftools && cd /tmp/difftools && npm install @smithy/signature-v4 @aws-crypto/sha256-js
    /usr/bin/python3 generate.py [--count 2200] [--seed 20261122]   # DIFFTOOLS=/tmp/difftools by default
"""
import argparse
import base64
import datetime
import json
import os
import random
import subprocess
import sys
from urllib.parse import quote, urlsplit, parse_qsl

import botocore.auth
from botocore.auth import SigV4Auth, S3SigV4Auth, SigV4QueryAuth, S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "Data", "sigv4-differential-corpus.json"))

NON_S3 = ["execute-api", "lambda", "sqs", "es", "dynamodb", "service", "sts", "monitoring"]
S3 = ["s3", "s3-object-lambda", "s3-outposts"]
REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1"]
HOSTS = ["example.amazonaws.com", "abc123.execute-api.eu-west-1.amazonaws.com", "bucket.s3.us-east-1.amazonaws.com",
         "localhost:8443", "127.0.0.1:9000", "example.com:443", "Example.COM:8080"]
UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
SUB_DELIMS = "!$&'()*+,;=:@"  # left raw in a path by System.Uri
ENCODED_ASCII = " \"#%/<>?[\\]^`{|}!$&'()*+,;=:@"
UNICODE = ["é", "ß", "ሴ", "中文", "😀", "ü", "\u00a0", "Ω"]
HEADER_NAMES = ["My-Header1", "X-Custom", "x-amz-meta-color", "X-Amz-Meta-Spaces", "Accept", "If-Match", "x-api-key",
                "X-Amz-Target", "Range", "X-Request-Id", "Accept-Language"]
QUERY_NAMES = ["Param", "a", "uploads", "list-type", "key with space", "ሴ", "x+y", "a=b", "a&b", "emoji😀", "Z",
               "prefix", "Action", "versionId", "_", "~tilde", "%", "name/slash", ""]


def pct(data: bytes) -> str:
    return "".join("%{:02X}".format(b) for b in data)


def path_segment(rng: random.Random, s3: bool) -> str:
    parts = []
    for _ in range(rng.randint(1, 5)):
        kind = rng.random()
        if kind < 0.45:
            parts.append("".join(rng.choice(UNRESERVED) for _ in range(rng.randint(1, 6))))
        elif kind < 0.6 and not s3:
            parts.append("".join(rng.choice(SUB_DELIMS) for _ in range(rng.randint(1, 3))))
        elif kind < 0.8:
            chars = ENCODED_ASCII if not s3 else ENCODED_ASCII.replace("/", "")
            parts.append(pct("".join(rng.choice(chars) for _ in range(rng.randint(1, 3))).encode()))
        else:
            parts.append(pct(rng.choice(UNICODE).encode("utf-8")))
    return "".join(parts)


def wire_path(rng: random.Random, s3: bool):
    """A path as System.Uri leaves it (or, with dot segments, as sent verbatim); returns (path, verbatim)."""
    segments = []
    verbatim = False
    for _ in range(rng.randint(0, 5)):
        kind = rng.random()
        if kind < 0.08:
            segments.append("")  # "//"
        elif kind < 0.16:
            segments.append(rng.choice([".", ".."]))
            verbatim = True
        else:
            segments.append(path_segment(rng, s3))
    # A random segment can come out as "." or ".." too.
    verbatim = verbatim or any(s in (".", "..") for s in segments)
    path = "/" + "/".join(segments)
    if segments and rng.random() < 0.25:
        path += "/"
    return path, verbatim


def query_value(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return ""
    alphabet = UNRESERVED + " !*'()@=&+/?:;,$#[]%\"" + "".join(UNICODE)
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))


def wire_query(rng: random.Random, allow_repeats: bool):
    """A canonically encoded query string and its decoded pairs."""
    pairs = []
    names = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 4, 6])):
        if allow_repeats and names and rng.random() < 0.25:
            name = rng.choice(names)
        else:
            name = rng.choice(QUERY_NAMES)
            if name in names:
                continue
        names.append(name)
        pairs.append((name, query_value(rng)))
    encoded = []
    for name, value in pairs:
        e_name = quote(name, safe="-_.~")
        if value == "" and name != "" and rng.random() < 0.5:
            encoded.append(e_name)  # valueless: ?uploads (an empty name keeps its "=": "a&&b" is not a parameter)
        else:
            encoded.append(e_name + "=" + quote(value, safe="-_.~"))
    return "&".join(encoded), pairs


def header_value(rng: random.Random) -> str:
    words = ["".join(rng.choice(UNRESERVED + "!#$%&'*+^`|,;=/\"()<>?@[]{}") for _ in range(rng.randint(1, 8)))
             for _ in range(rng.randint(1, 4))]
    value = ""
    for i, word in enumerate(words):
        if i:
            value += rng.choice([" ", "  ", "\t", " \t ", ", "])
        value += word
    return rng.choice(["", " ", "  "]) + value + rng.choice(["", " ", "  "])


def botocore_host(url: str) -> str:
    return botocore.auth._host_from_url(url)


def fixed_clock(time: datetime.datetime):
    class FixedDateTime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return time
    botocore.auth.datetime.datetime = FixedDateTime


ORIGINAL_DATETIME = datetime.datetime


def sign_botocore(c):
    credentials = Credentials(c["accessKey"], c["secretKey"], c["token"])
    body = base64.b64decode(c["body"]) if c["body"] is not None else None
    request = AWSRequest(method=c["method"], url=c["url"], headers=dict(c["headers"]), data=body)
    if c["unsignedPayload"]:
        request.context["payload_signing_enabled"] = False
        request.context["client_config"] = Config(s3={"payload_signing_enabled": False})
    if c["mode"] == "header":
        cls = S3SigV4Auth if c["s3"] else SigV4Auth
        signer = cls(credentials, c["service"], c["region"])
    else:
        cls = S3SigV4QueryAuth if c["s3"] else SigV4QueryAuth
        signer = cls(credentials, c["service"], c["region"], expires=c["expires"])
    captured = {}
    original = signer.canonical_request

    def capture(req):
        captured["cr"] = original(req)
        return captured["cr"]

    signer.canonical_request = capture
    time = ORIGINAL_DATETIME.strptime(c["time"], "%Y-%m-%dT%H:%M:%SZ")
    fixed_clock(time)
    try:
        signer.add_auth(request)
    finally:
        botocore.auth.datetime.datetime = ORIGINAL_DATETIME
    result = {"canonicalRequest": captured["cr"]}
    if c["mode"] == "header":
        auth = request.headers["Authorization"]
        result["authorization"] = auth
        result["signature"] = auth.rsplit("Signature=", 1)[1]
        added = [["X-Amz-Date", request.headers["X-Amz-Date"]]]
        if c["token"]:
            added.append(["X-Amz-Security-Token", request.headers["X-Amz-Security-Token"]])
        if "X-Amz-Content-SHA256" in request.headers:
            added.append(["x-amz-content-sha256", request.headers["X-Amz-Content-SHA256"]])
        added.append(["Authorization", auth])
        result["addedHeaders"] = added
    else:
        query = urlsplit(request.url).query
        result["presignedQuery"] = query
        result["signature"] = dict(parse_qsl(query, keep_blank_values=True))["X-Amz-Signature"]
    return result


def make_case(rng: random.Random, case_id: int):
    s3 = rng.random() < 0.3
    mode = "presign" if rng.random() < 0.35 else "header"
    service = rng.choice(S3 if s3 else NON_S3)
    host_port = rng.choice(HOSTS)
    path, verbatim = wire_path(rng, s3)
    query, pairs = wire_query(rng, allow_repeats=(mode == "header"))
    url = "https://" + host_port + path + ("?" + query if query else "")
    method = rng.choice(["GET", "GET", "PUT", "POST", "DELETE", "HEAD", "PATCH"])
    headers = []
    used = set()
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(HEADER_NAMES)
        if name.lower() in used:
            continue
        used.add(name.lower())
        headers.append([name, header_value(rng)])
    body = None
    if mode == "header" and method in ("PUT", "POST", "PATCH") and rng.random() < 0.7:
        body = base64.b64encode(bytes(rng.randrange(256) for _ in range(rng.randint(0, 96)))).decode()
        if rng.random() < 0.6:
            headers.append(["Content-Type", rng.choice(["application/json", "text/plain; charset=utf-8",
                                                        "application/octet-stream", "application/x-amz-json-1.0"])])
    if rng.random() < 0.15:
        headers.append(["User-Agent", "aws-sdk-dotnet/4.0 os/linux  md/test"])
    if rng.random() < 0.1:
        headers.append(["X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"])
    rng.shuffle(headers)
    token = None
    if rng.random() < 0.5:
        token = "".join(rng.choice(UNRESERVED + "/+=") for _ in range(rng.randint(16, 120)))
    unsigned = rng.random() < 0.15
    start = ORIGINAL_DATETIME(2015, 1, 1)
    time = start + datetime.timedelta(seconds=rng.randrange(16 * 365 * 86400))
    return {
        "id": case_id,
        "mode": mode,
        "method": method,
        "url": url,
        "path": path,
        "query": query,
        "verbatim": verbatim,
        "host": botocore_host(url),
        "decodedQuery": [list(p) for p in pairs],
        "headers": headers,
        "body": body,
        "region": rng.choice(REGIONS),
        "service": service,
        "s3": s3,
        "accessKey": "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)),
        "secretKey": "".join(rng.choice(UNRESERVED[:62] + "/+") for _ in range(40)),
        "token": token,
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "expires": rng.choice([1, 60, 900, 3600, 86400, 604800]) if mode == "presign" else None,
        "unsignedPayload": unsigned,
        "contentSha256Header": mode == "header" and (s3 or unsigned),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2200)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = [make_case(rng, i) for i in range(args.count)]
    smithy_input = "".join(json.dumps(c) + "\n" for c in cases)
    smithy = subprocess.run(["node", os.path.join(HERE, "sign_smithy.mjs")], input=smithy_input, capture_output=True,
                            text=True, check=True)
    smithy_results = {r["id"]: r for r in map(json.loads, smithy.stdout.splitlines())}
    kept = []
    disagreements = 0
    for c in cases:
        boto = sign_botocore(c)
        other = smithy_results[c["id"]]
        if "error" in other or other["canonicalRequest"] != boto["canonicalRequest"] or other["signature"] != boto["signature"]:
            disagreements += 1
            continue
        record = {k: c[k] for k in ("id", "mode", "method", "url", "path", "query", "verbatim", "headers", "body", "region",
                                    "service", "accessKey", "secretKey", "token", "time", "expires", "unsignedPayload",
                                    "contentSha256Header")}
        record.update(boto)
        kept.append(record)
    corpus = {
        "description": "SigV4 differential corpus: random requests as .NET sends them, signed by botocore "
                       f"{botocore.__version__} and @smithy/signature-v4; only cases where both agree. "
                       "Regenerate with tests/ServiceAuth.Client.Tests/Conformance/Differential/generate.py.",
        "seed": args.seed,
        "generated": len(cases),
        "disagreements": disagreements,
        "cases": kept,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(corpus, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(kept)} kept of {len(cases)} ({disagreements} disagreements) -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
