using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string[] ours = [.. Request.Headers.Authorization.Where(IsOurs).Select(v => v![BearerPrefix.Length..])];
        if (ours.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (ours.Length > 1 || Request.Headers.Authorization.Count > 1)
        {
            return Fail(new(IamIdentityTokenFailureReason.Malformed, "the request has more than one Authorization header"));
        }

        IdentityTokenSchemeState state = State;
        string token = ours[0];
        TokenFailure? failure = IdentityTokenReader.TryRead(token, Options.MaxTokenLength, out DecodedToken? decoded)
            ?? CheckAudienceAndChallengePresence(decoded!);
        ValidatedStsRequest? request = null;
        failure ??= StsRequestValidator.Validate(decoded!, state.Hosts, out request) ?? CheckWindow(request!);
        if (failure is not null)
        {
            return Fail(failure);
        }

        if (state.Cache.Find(request!.Signature, token) is { } cached)
        {
            return IsAllowed(cached)
                ? Success(cached, fromCache: true)
                : Fail(new(IamIdentityTokenFailureReason.AccountNotAllowed, $"{cached.Arn} is not in an allowed account"));
        }

        if (request.Challenge is not null && state.Challenges.Check(request.Challenge) is { } challengeProblem)
        {
            return Fail(new(IamIdentityTokenFailureReason.ChallengeInvalid, challengeProblem));
        }

        StsOutcome outcome = await state.Flights.JoinAsync(
            token, () => StsVerification.RunAsync(clients, state, TimeProvider, token, request), Context.RequestAborted).ConfigureAwait(false);
        if (outcome.Identity is not { } identity)
        {
            return Fail(outcome.Failure!);
        }

        if (!IsAllowed(identity))
        {
            return Fail(new(IamIdentityTokenFailureReason.AccountNotAllowed, $"{identity.Arn} is not in an allowed account"));
        }

        // Consumed only now: STS confirmed the token and its account is allowed (anonymous requests use up nothing).
        if (request.Challenge is not null && state.Challenges.Consume(request.Challenge) is { } usedProblem)
        {
            return Fail(new(IamIdentityTokenFailureReason.ChallengeInvalid, usedProblem));
        }

        state.KnownKeys.Set(request.AccessKeyId, TimeProvider.GetUtcNow() + IdentityTokenSchemeState.KnownKeyLifetime);
        return Success(identity, fromCache: false);
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
    private bool IsAllowed(CallerIdentity identity) => Options.AllowedAccounts.Contains(identity.Account);

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

    private TokenFailure? CheckWindow(ValidatedStsRequest request)
    {
        // Compared as an age, never as SignedAt ± a span: a token dated 0001-01-01 or 9999-12-31 must not overflow.
        DateTimeOffset now = TimeProvider.GetUtcNow();
        TimeSpan skew = Options.MaxClockSkew;
        TimeSpan age = now - request.SignedAt;
        if (age < -skew)
        {
            return new(IamIdentityTokenFailureReason.NotYetValid, $"X-Amz-Date {request.SignedAt:O} is more than {skew} ahead of this service's clock ({now:O})");
        }

        return age > IamIdentityTokenFormat.StsValidity + skew
            ? new(IamIdentityTokenFailureReason.Expired, $"X-Amz-Date {request.SignedAt:O} is more than 15 minutes plus {skew} before this service's clock ({now:O})")
            : null;
    }

    private AuthenticateResult Success(CallerIdentity identity, bool fromCache)
    {
        IdentityTokenLog.Accepted(Logger, Scheme.Name, identity.Arn, fromCache);
        var principal = new ClaimsPrincipal(identity.ToClaimsIdentity(Scheme.Name, ClaimsIssuer ?? Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
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
