using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Sends the rebuilt <c>GetCallerIdentity</c> to STS: GET, <c>Accept: application/json</c>, this service's own audience
/// header and nothing else (no ambient trace context), no redirects (the HttpClient's primary handler has them off, and
/// a 3xx is refused), a timeout on the scheme's clock, and a bounded read of the answer; then parses only the documented
/// JSON, refusing an answer that names a property twice. The caller holds a call slot (<see cref="StsCallGate"/>).
/// </summary>
internal sealed class StsIdentityClient(IHttpClientFactory clients, IdentityTokenSchemeState state, TimeProvider time)
{
    public async Task<(CallerIdentity? Identity, TokenFailure? Failure)> CallAsync(ValidatedStsRequest validated, CancellationToken aborted)
    {
        IamIdentityTokenAuthenticationOptions options = state.Options;
        using var timeout = new CancellationTokenSource(options.StsTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
        Activity.Current = null; // nothing of an inbound trace (traceparent, tracestate, baggage) reaches STS
        try
        {
            using HttpRequestMessage request = Build(validated, options);
            string target = request.RequestUri!.GetLeftPart(UriPartial.Path);
            using HttpResponseMessage response = await clients.CreateClient(IamIdentityTokenDefaults.StsHttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.RequestMessage?.RequestUri is { } answered && answered.GetLeftPart(UriPartial.Path) != target)
            {
                return (null, new(IamIdentityTokenFailureReason.StsFailed, $"the answer came from {TokenFailure.Quote(answered.Host)}, not {validated.Host}: a handler of the STS HttpClient followed a redirect"));
            }

            return await ReadAsync(response, validated, options.MaxStsResponseBytes, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return (null, new(IamIdentityTokenFailureReason.StsTimeout, $"STS {validated.Host} did not answer within {options.StsTimeout.TotalSeconds:0.###} s"));
        }
        catch (HttpRequestException e)
        {
            return (null, new(IamIdentityTokenFailureReason.StsFailed, $"STS {validated.Host} could not be reached ({e.HttpRequestError})"));
        }
        catch (IOException e)
        {
            string error = e is HttpIOException io ? io.HttpRequestError.ToString() : e.GetType().Name;
            return (null, new(IamIdentityTokenFailureReason.StsFailed, $"STS {validated.Host}: the connection broke while its answer was read ({error})"));
        }
    }

    private static HttpRequestMessage Build(ValidatedStsRequest validated, IamIdentityTokenAuthenticationOptions options)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"https://{validated.Host}/?{validated.RebuildQuery()}", UriKind.Absolute));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation(IamIdentityTokenFormat.AudienceHeader, options.Audience);
        if (validated.Challenge is not null)
        {
            request.Headers.TryAddWithoutValidation(IamIdentityTokenFormat.ChallengeHeader, validated.Challenge);
        }

        return request;
    }

    private static async Task<(CallerIdentity?, TokenFailure?)> ReadAsync(HttpResponseMessage response, ValidatedStsRequest validated, int limit, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        byte[]? body = await BoundedBody.ReadAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
        if (status is >= 300 and < 400)
        {
            return (null, new(IamIdentityTokenFailureReason.StsFailed, $"STS answered a redirect ({status}), which is never followed"));
        }

        if (status != (int)HttpStatusCode.OK)
        {
            string code = ErrorCode(body) ?? "no error code";
            return (null, status < 500
                ? new(IamIdentityTokenFailureReason.StsRejected, $"STS refused the token: {status} {code}")
                : new(IamIdentityTokenFailureReason.StsFailed, $"STS answered {status} {code}"));
        }

        if (body is null)
        {
            return (null, Invalid($"the answer is larger than {limit} bytes"));
        }

        string? mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Invalid($"STS answered {TokenFailure.Quote(mediaType)} where application/json was asked for"));
        }

        return Parse(body, validated.Partition);
    }

    private static (CallerIdentity?, TokenFailure?) Parse(byte[] body, string partition)
    {
        if (JsonDuplicateProperties.Any(body, StsJson.Default.Options.MaxDepth))
        {
            return (null, Invalid("the answer names a property twice in one object"));
        }

        StsJsonShapes.ResultBody? result;
        try
        {
            result = JsonSerializer.Deserialize(body, StsJson.Default.Envelope)?.GetCallerIdentityResponse?.GetCallerIdentityResult;
        }
        catch (JsonException)
        {
            return (null, Invalid("the answer is not the documented GetCallerIdentity JSON"));
        }

        if (result is not { Account: { } account, Arn: { } arn, UserId: { } userId })
        {
            return (null, Invalid("the answer lacks Account, Arn or UserId"));
        }

        CallerIdentity? identity = CallerIdentity.From(account, arn, userId, partition, out string? problem);
        return identity is null ? (null, Invalid(problem!)) : (identity, null);
    }

    private static string? ErrorCode(byte[]? body)
    {
        try
        {
            string? code = body is null ? null : JsonSerializer.Deserialize(body, StsJson.Default.ErrorEnvelope)?.Error?.Code;
            return code is { Length: <= 64 } && code.All(char.IsAsciiLetterOrDigit) ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TokenFailure Invalid(string detail) => new(IamIdentityTokenFailureReason.StsResponseInvalid, detail);
}
