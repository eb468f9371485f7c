namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The handler floor: before passing the request on, does the cryptographic work of one signature and nothing else
/// (<see cref="SigningCase.ReusedContextFloor"/>: SHA-256 of the canonical request and the HMAC of the string to sign,
/// on reused contexts). Put in front of a <see cref="FixedHeadersHandler"/>, the request goes out with the signature's
/// headers after the time a signature cannot do without. One set of contexts per thread, as the signer keeps them.
/// </summary>
internal sealed class HashFloorHandler : DelegatingHandler
{
    private readonly ThreadLocal<SigningCase> _signature = new(SigningCase.Get);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _signature.Value!.ReusedContextFloor();
        return base.SendAsync(request, cancellationToken);
    }
}
