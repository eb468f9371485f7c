using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;
using Polly;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>Calls STS <c>AssumeRole</c> for one cache entry through the retry pipeline, records each attempt, and turns a
/// final failure into a <see cref="CredentialsUnavailableException"/> with the STS error code and request id.</summary>
internal sealed class StsAssumeRoleCaller
{
    private readonly Func<IAmazonSecurityTokenService> _sts;
    private readonly AssumeRoleParameters _parameters;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CredentialsMetrics _metrics;

    public StsAssumeRoleCaller(Func<IAmazonSecurityTokenService> sts, AssumeRoleParameters parameters, StsCallSettings settings, TimeProvider timeProvider, ILogger logger, CredentialsMetrics? metrics = null)
    {
        _metrics = metrics ?? CredentialsMetrics.Shared;
        _sts = sts;
        _parameters = parameters;
        _timeProvider = timeProvider;
        _logger = logger;
        _pipeline = StsRetryPipeline.Create(settings, timeProvider);
    }

    public async Task<AssumeRoleResult> AssumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(static (self, ct) => self.AttemptAsync(ct), this, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not CredentialsUnavailableException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw ToUnavailable(e);
        }
    }

    private async ValueTask<AssumeRoleResult> AttemptAsync(CancellationToken cancellationToken)
    {
        long started = _timeProvider.GetTimestamp();
        try
        {
            AssumeRoleResponse response = await _sts().AssumeRoleAsync(BuildRequest(), cancellationToken).ConfigureAwait(false);
            AssumeRoleResult result = ToResult(response);
            _metrics.RecordAssumeRole(_timeProvider.GetElapsedTime(started), null);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AwsErrorKind kind = StsRetryPipeline.Classify(e);
            string? code = (e as AmazonServiceException)?.ErrorCode;
            _metrics.RecordAssumeRole(_timeProvider.GetElapsedTime(started), code ?? e.GetType().FullName);
            if (e is ServiceAuthException)
            {
                Log.AssumeRoleSourceUnavailable(_logger, _parameters.RoleArn, e.Message);   // STS was never called
            }
            else
            {
                Log.AssumeRoleAttemptFailed(_logger, _parameters.RoleArn, code ?? e.GetType().Name, (e as AmazonServiceException)?.RequestId ?? "none", kind.ToString());
            }

            throw;
        }
    }

    private AssumeRoleRequest BuildRequest()
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = _parameters.RoleArn,
            RoleSessionName = _parameters.RoleSessionName,
            DurationSeconds = _parameters.DurationSeconds,
            ExternalId = _parameters.ExternalId,
            Policy = _parameters.Policy,
            SourceIdentity = _parameters.SourceIdentity,
        };
        if (_parameters.PolicyArns.Count > 0)
        {
            request.PolicyArns = _parameters.PolicyArns.Select(arn => new PolicyDescriptorType { Arn = arn }).ToList();
        }

        if (_parameters.Tags.Count > 0)
        {
            request.Tags = _parameters.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
        }

        if (_parameters.TransitiveTagKeys.Count > 0)
        {
            request.TransitiveTagKeys = [.. _parameters.TransitiveTagKeys];
        }

        return request;
    }

    private AssumeRoleResult ToResult(AssumeRoleResponse response)
    {
        Amazon.SecurityToken.Model.Credentials? c = response.Credentials;
        if (c is null || string.IsNullOrEmpty(c.AccessKeyId) || string.IsNullOrEmpty(c.SecretAccessKey) || c.Expiration is not { } expiration)
        {
            throw new CredentialsUnavailableException($"STS AssumeRole for '{_parameters.RoleArn}' answered without credentials or an expiration.", _parameters.RoleArn, null, response.ResponseMetadata?.RequestId, null);
        }

        DateTime utc = expiration.Kind == DateTimeKind.Local ? expiration.ToUniversalTime() : DateTime.SpecifyKind(expiration, DateTimeKind.Utc);
        return new AssumeRoleResult(new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), new DateTimeOffset(utc));
    }

    private CredentialsUnavailableException ToUnavailable(Exception e)
    {
        if (e is ServiceAuthException source)
        {
            // The source credentials (the default chain, or a role this one chains from) failed before STS was called.
            return new CredentialsUnavailableException(
                $"Could not assume role '{_parameters.RoleArn}': there are no source credentials to call STS with, so STS was not called. {source.Message}",
                _parameters.RoleArn,
                null,
                null,
                source);
        }

        var service = e as AmazonServiceException;
        string what = service?.ErrorCode ?? (StsRetryPipeline.Classify(e) == AwsErrorKind.Transient ? "a timeout or connection failure" : e.GetType().Name);
        string requestId = service?.RequestId is { Length: > 0 } id ? $" (STS request id {id})" : string.Empty;
        return new CredentialsUnavailableException(
            $"Could not assume role '{_parameters.RoleArn}': STS failed with {what}{requestId}. {Advice(service?.ErrorCode)}",
            _parameters.RoleArn,
            service?.ErrorCode,
            service?.RequestId,
            AwsErrorText.QuotesCanonicalRequest(e.Message) ? null : e);
    }

    private static string Advice(string? code) => code switch
    {
        "AccessDenied" => "Check the RoleArn for a misspelt role name or account id (STS answers AccessDenied for a role that does not exist, too), that the caller may call sts:AssumeRole on it, and that its trust policy allows the caller (and the ExternalId, if required).",
        "MalformedPolicyDocument" or "PackedPolicyTooLarge" => "Fix the session Policy, PolicyArns or Tags.",
        "RegionDisabledException" => "Activate STS in that region (IAM account settings) or set AssumeRole.StsRegion to an enabled region.",
        "ValidationError" => "A parameter was rejected; when role chaining, DurationSeconds must be at most 3600.",
        "ExpiredToken" or "ExpiredTokenException" or "InvalidClientTokenId" => "The source credentials are expired or invalid.",
        _ => "Requests fail fast until STS answers again.",
    };
}
