using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>
/// Mints tokens by presigning STS <c>GetCallerIdentity</c> with <see cref="SigV4Signer"/> (local, no network call) and
/// reuses the last one for <see cref="IdentityTokenSettings.CacheDuration"/>. Thread-safe; concurrent misses may each
/// mint, which is cheap (one HMAC chain) and harmless.
/// </summary>
internal sealed class IamIdentityTokenProvider(IdentityTokenSettings settings, AWSCredentials credentials, TimeProvider time, ILogger logger)
    : IIamIdentityTokenProvider
{
    private IamIdentityToken? _cached;

    public IdentityTokenSettings Settings => settings;

    public async ValueTask<IamIdentityToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Cached() is { } token)
        {
            return token;
        }

        ImmutableCredentials current = await GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return Cache(Mint(current, null));
    }

    public async ValueTask<IamIdentityToken> GetChallengeTokenAsync(string challenge, CancellationToken cancellationToken = default)
    {
        if (!IdentityTokenText.IsValidChallenge(challenge))
        {
            throw new ServiceAuthException($"IAM identity token client '{settings.ClientName}': the challenge is not 16 to 256 base64url characters.");
        }

        ImmutableCredentials current = await GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return Mint(current, challenge);
    }

    /// <summary>The synchronous path of <see cref="HttpMessageInvoker.Send"/>.</summary>
    /// <param name="cancellationToken">Ends the caller's wait for credentials (not the shared refresh).</param>
    public IamIdentityToken GetToken(CancellationToken cancellationToken = default) =>
        Cached() ?? Cache(Mint(Resolve(CredentialsWait.Get(credentials, cancellationToken)), null));

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (the callee refused it).</summary>
    public void Invalidate(IamIdentityToken token) => Interlocked.CompareExchange(ref _cached, null, token);

    private IamIdentityToken? Cached() =>
        Volatile.Read(ref _cached) is { } token && time.GetUtcNow() - token.MintedAt < settings.CacheDuration ? token : null;

    private IamIdentityToken Cache(IamIdentityToken token)
    {
        Volatile.Write(ref _cached, token);
        return token;
    }

    private async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Resolve(await CredentialsWait.GetAsync(credentials, cancellationToken).ConfigureAwait(false));
    }

    private ImmutableCredentials Resolve(ImmutableCredentials? resolved) =>
        resolved is { AccessKey.Length: > 0, SecretKey.Length: > 0 }
            ? resolved
            : throw new ServiceAuthException($"IAM identity token client '{settings.ClientName}': the credentials have no access key id or secret key.");

    private IamIdentityToken Mint(ImmutableCredentials current, string? challenge)
    {
        DateTimeOffset now = time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.StsUrl);
        request.Headers.TryAddWithoutValidation(IamIdentityTokenFormat.AudienceHeader, settings.Audience);
        if (challenge is not null)
        {
            request.Headers.TryAddWithoutValidation(IamIdentityTokenFormat.ChallengeHeader, challenge);
        }

        var parameters = new SigV4SigningParameters { Region = settings.StsRegion, Service = "sts", SigningTime = now };
        Uri url = SigV4Signer.Shared.Presign(request, current, parameters, IamIdentityTokenFormat.StsValidity);
        Log.IdentityTokenMinted(logger, settings.ClientName, settings.Audience, settings.StsRegion, challenge is not null);
        return new IamIdentityToken(IdentityTokenText.Build(url, settings.Audience, challenge), settings.Audience, now);
    }
}
