#!/usr/bin/env python3
"""Splits a `perf script` profile of `dotnet run -c Release -- signing-loop` into the parts of a signature.

Usage (from the repository root; see docs/performance.md, "Where the time goes"):

    export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
    dotnet build -c Release tests/ServiceAuth.Client.Benchmarks
    perf record -F 4999 -g -o /tmp/sign.data \
        dotnet tests/ServiceAuth.Client.Benchmarks/bin/Release/net10.0/ServiceAuth.Client.Benchmarks.dll signing-loop
    perf script -i /tmp/sign.data -F comm,tid,ip,sym,dso > /tmp/sign.txt
    python3 tests/ServiceAuth.Client.Benchmarks/profile/attribute.py 2370 < /tmp/sign.txt

The argument is the mean of one signature in nanoseconds (the BenchmarkDotNet mean): each part's share of the samples
is reported as that many nanoseconds. Only the thread that signs is counted. A sample belongs to the hashing when its
innermost frame is in OpenSSL, in .NET's OpenSSL shim or in System.Security.Cryptography (or in libc's allocator, which
only OpenSSL calls on this path); otherwise to the first frame of ServiceAuth.Client on its stack (ByteBuilder and Hex
count for their caller), by the rules below. .NET code the signer calls counts for the part that called it; the
HttpHeaders calls that remove and add Authorization count as header updates. Inlined callees count for the method
they were inlined into.
"""
import collections
import re
import sys

HEADER_UPDATES_NAME = "request header updates"
RULES = [
    ("canonical headers (read, sort, write; the token copied)", r"CanonicalHeaders::|HeaderNames::|HeaderValue::|HeaderList::|HeaderName::"),
    ("canonical path", r"CanonicalPath::"),
    ("canonical query", r"PlainQuery::|CanonicalQuery::|UriEncoder::"),
    ("string to sign, hex, hash calls", r"SignatureWriter::Sign\(|SignatureWriter::Sha256|SignatureWriter::Write|Hex::"),
    ("signing key lookup, HMAC instance pool", r"SigningKeyCache::|SigningKey::"),
    ("Authorization value (one string)", r"SignatureWriter::Authorization|SignatureWriter::Widen"),
    (HEADER_UPDATES_NAME, r"SigV4Core::SetOwnHeaders|SigV4Core::Set\(|SigV4Core::RemoveOwnContentSha256"),
    ("payload hash lookup", r"PayloadHasher::"),
    ("date text", r"AmzDateText::|AmzDate::"),
    ("signer entry and checks, canonical buffer, method line", r"SigV4Core::|SigV4Signer::|RegionSetSyntax::|SigV4Constants::"),
]
HEADER_UPDATES = HEADER_UPDATES_NAME
# Helpers that belong to whichever part called them.
SHARED = re.compile(r"ByteBuilder::|Hex::")
HTTP_HEADERS = re.compile(r"\[System\.Net\.Http\] System\.Net\.Http\.(Headers\.HttpHeaders::|HttpRequestOptions::)")
HASHING = "hashing (the floor's work: OpenSSL and its .NET wrappers)"
CRYPTO = re.compile(r"libcrypto|OpenSsl\.so|\[System\.Security\.Cryptography\]")
ALLOCATOR = re.compile(r"\b(malloc|cfree|free|_int_free|_int_malloc|pthread_getspecific|pthread_once)\b.*libc\.so")


def classify(frames):
    if CRYPTO.search(frames[0]) or ALLOCATOR.search(frames[0]):
        return HASHING
    owned = [f for f in frames if "[ServiceAuth.Client]" in f and not SHARED.search(f)]
    for frame in owned or [f for f in frames if "[ServiceAuth.Client]" in f]:
        for name, pattern in RULES:
            if re.search(pattern, frame):
                if re.search(r"SigV4Core::SignHeaders", frame) and any(HTTP_HEADERS.search(f) for f in frames[:frames.index(frame)]):
                    return HEADER_UPDATES  # Authorization removed and added
                return name
    if any("[ServiceAuth.Client.Benchmarks]" in f for f in frames):
        return "benchmark loop (and its removal of x-amz-content-sha256)"
    return "other (runtime)"


def main():
    mean = float(sys.argv[1])
    blocks = [b for b in sys.stdin.read().split("\n\n") if b.strip()]
    samples = []
    for block in blocks:
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if len(lines) > 1:
            samples.append((lines[0].split()[1], lines[1:]))
    main_thread = collections.Counter(tid for tid, _ in samples).most_common(1)[0][0]
    counts = collections.Counter(classify(frames) for tid, frames in samples if tid == main_thread)
    total = sum(counts.values())
    print(f"| Part | Share of samples | ≈ ns of a {mean:.0f} ns signature |")
    print("|---|---:|---:|")
    for name, count in counts.most_common():
        print(f"| {name} | {100.0 * count / total:.1f} % | {mean * count / total:.0f} |")
    print(f"\n{total} samples on the signing thread")


if __name__ == "__main__":
    main()
