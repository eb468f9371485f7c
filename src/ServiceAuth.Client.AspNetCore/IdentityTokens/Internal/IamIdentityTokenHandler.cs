using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Authenticates <c>Authorization: Bearer sa-iam-v1.…</c>. Other bearer tokens are not this handler's (no result).
/// Every check of docs/identity-tokens.md runs before STS is called; any failure refuses the request (fail closed) with
/// its reason logged and a plain 401.
/// </summary>
internal sealed class IamIdentityTokenHandler(
    IOptionsMonitor<IamIdentityTokenAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IHttpClientFactory clients,
    IdentityTokenSchemeStates states)
    : AuthenticationHandler<IamIdentityTokenAuthenticationOptions>(options, logger, encoder)
{
    private const string BearerPrefix = IamIdentityTokenFormat.AuthorizationScheme + " ";

    private IdentityTokenSchemeState State => states.Get(Scheme.Name, Options, TimeProvider);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        StringValues headers = Request.Headers.Authorization;
        return headers.Count == 1 && headers[0] is { } value && IsOurs(value) && FromCache(value.AsSpan(BearerPrefix.Length)) is { } hit
            ? Task.FromResult(hit)
            : VerifyAsync(headers);
    }

    /// <summary>
    /// The cached path: the raw token hashed once finds its entry, and only what time or the options can change is checked
    /// again (length, audience, challenge requirement, the window, the allowed accounts). Anything else, or any doubt,
    /// takes the full path, which runs every check and gives the precise refusal.
    /// </summary>
    private AuthenticateResult? FromCache(ReadOnlySpan<char> token)
    {
        IamIdentityTokenAuthenticationOptions options = Options;
        if (token.Length > options.MaxTokenLength || options.RequireChallenge
            || State.Cache.Find(token) is not { } entry
            || !string.Equals(entry.Audience, options.Audience, StringComparison.Ordinal)
            || CheckWindow(entry.SignedAt) is not null
            || !IsAllowed(entry.Caller))
        {
            return null;
        }

        return Success(entry, fromCache: true);
    }

    private async Task<AuthenticateResult> VerifyAsync(StringValues headers)
    {
        string? ours = null;
        foreach (string? value in headers)
        {
            if (IsOurs(value))
            {
                ours = value![BearerPrefix.Length..];
                break;
            }
        }

        if (ours is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (headers.Count > 1)
        {
            return Fail(new(IamIdentityTokenFailureReason.Malformed, "the request has more than one Authorization header"));
        }

        IdentityTokenSchemeState state = State;
        string token = ours;
        TokenFailure? failure = IdentityTokenReader.TryRead(token, Options.MaxTokenLength, out DecodedToken? decoded)
            ?? CheckAudienceAndChallengePresence(decoded!);
        ValidatedStsRequest? request = null;
        failure ??= StsRequestValidator.Validate(decoded!, state.Hosts, out request) ?? CheckWindow(request!.SignedAt);
        if (failure is not null)
        {
            return Fail(failure);
        }

        if (request!.Challenge is null && state.Cache.Find(token) is { } cached)
        {
            return IsAllowed(cached.Caller)
                ? Success(cached, fromCache: true)
                : Fail(new(IamIdentityTokenFailureReason.AccountNotAllowed, $"{cached.Caller.Arn} is not in an allowed account"));
        }

        if (request.Challenge is not null && state.Challenges.Check(request.Challenge) is { } challengeProblem)
        {
            return Fail(new(IamIdentityTokenFailureReason.ChallengeInvalid, challengeProblem));
        }

        string scheme = Scheme.Name;
        string issuer = ClaimsIssuer ?? scheme;
        StsOutcome outcome = await state.Flights.JoinAsync(
            token, () => StsVerification.RunAsync(clients, state, TimeProvider, token, request, scheme, issuer), Context.RequestAborted).ConfigureAwait(false);
        if (outcome.Verified is not { } verified)
        {
            return Fail(outcome.Failure!);
        }

        if (!IsAllowed(verified.Caller))
        {
            return Fail(new(IamIdentityTokenFailureReason.AccountNotAllowed, $"{verified.Caller.Arn} is not in an allowed account"));
        }

        // Consumed only now: STS confirmed the token and its account is allowed (anonymous requests use up nothing).
        if (request.Challenge is not null && state.Challenges.Consume(request.Challenge) is { } usedProblem)
        {
            return Fail(new(IamIdentityTokenFailureReason.ChallengeInvalid, usedProblem));
        }

        state.KnownKeys.Set(request.AccessKeyId, TimeProvider.GetUtcNow() + IdentityTokenSchemeState.KnownKeyLifetime);
        return Success(verified, fromCache: false);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, Options.RequireChallenge
            ? $"{IamIdentityTokenFormat.AuthorizationScheme} {IamIdentityTokenFormat.ChallengeParameter}=\"{State.Challenges.Issue()}\""
            : IamIdentityTokenFormat.AuthorizationScheme);
        return Task.CompletedTask;
    }

    /// <summary>Checked on every request, cached or not, so a narrowed <c>AllowedAccounts</c> applies at once.</summary>
    private bool IsAllowed(CallerIdentity identity)
    {
        IList<string> allowed = Options.AllowedAccounts;
        for (int i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], identity.Account, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOurs(string? value) =>
        value is not null && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
        && value.AsSpan(BearerPrefix.Length).StartsWith(IamIdentityTokenFormat.Prefix, StringComparison.Ordinal);

    private TokenFailure? CheckAudienceAndChallengePresence(DecodedToken token)
    {
        if (!string.Equals(token.Audience, Options.Audience, StringComparison.Ordinal))
        {
            return new(IamIdentityTokenFailureReason.AudienceMismatch, $"the token was minted for audience {TokenFailure.Quote(token.Audience)}, this service is '{Options.Audience}'");
        }

        return (Options.RequireChallenge, token.Challenge) switch
        {
            (true, null) => new(IamIdentityTokenFailureReason.ChallengeRequired, "the token is not bound to a challenge this service issued"),
            (false, not null) => new(IamIdentityTokenFailureReason.UnexpectedChallenge, "the token is bound to a challenge but challenge binding is off"),
            _ => null,
        };
    }

    private TokenFailure? CheckWindow(DateTimeOffset signedAt)
    {
        // Compared as an age, never as SignedAt ± a span: a token dated 0001-01-01 or 9999-12-31 must not overflow.
        DateTimeOffset now = TimeProvider.GetUtcNow();
        TimeSpan skew = Options.MaxClockSkew;
        TimeSpan age = now - signedAt;
        if (age < -skew)
        {
            return new(IamIdentityTokenFailureReason.NotYetValid, $"X-Amz-Date {signedAt:O} is more than {skew} ahead of this service's clock ({now:O})");
        }

        return age > IamIdentityTokenFormat.StsValidity + skew
            ? new(IamIdentityTokenFailureReason.Expired, $"X-Amz-Date {signedAt:O} is more than 15 minutes plus {skew} before this service's clock ({now:O})")
            : null;
    }

    /// <summary>A copy of the claims built once per verified token (a principal is never shared between requests: the
    /// application may change it).</summary>
    private AuthenticateResult Success(VerifiedToken verified, bool fromCache)
    {
        string scheme = Scheme.Name;
        IdentityTokenLog.Accepted(Logger, scheme, verified.Caller.Arn, fromCache);
        string issuer = ClaimsIssuer ?? scheme;
        ClaimsIdentity identity = string.Equals(verified.Issuer, issuer, StringComparison.Ordinal)
            && string.Equals(verified.Claims.AuthenticationType, scheme, StringComparison.Ordinal)
            ? verified.Claims.Clone()
            : verified.Caller.ToClaimsIdentity(scheme, issuer);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), scheme));
    }

    private AuthenticateResult Fail(TokenFailure failure)
    {
        if (failure.IsStsSide)
        {
            IdentityTokenLog.StsUnavailable(Logger, Scheme.Name, failure.Reason, failure.Detail);
        }
        else
        {
            IdentityTokenLog.Refused(Logger, Scheme.Name, failure.Reason, failure.Detail);
        }

        return AuthenticateResult.Fail(new IamIdentityTokenException(failure.Reason, failure.Detail));
    }
}
