using System.Globalization;
using ServiceAuth.Client.Testing.Internal.Api;
using ServiceAuth.Client.Testing.Internal.AppSync;
using ServiceAuth.Client.Testing.Internal.Auth;
using ServiceAuth.Client.Testing.Internal.Cognito;
using ServiceAuth.Client.Testing.Internal.EventBridge;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Protocol;
using ServiceAuth.Client.Testing.Internal.Sns;
using ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;
using ServiceAuth.Client.Testing.Internal.Sqs;
using ServiceAuth.Client.Testing.Internal.Sts;

namespace ServiceAuth.Client.Testing.Internal;

/// <summary>
/// The one request pipeline both hosts share (Kestrel and the in-memory handler): faults, SigV4 verification, then
/// STS, SNS or an API route. Every answer carries a request id (<c>x-amzn-RequestId</c>; <c>apigw-requestid</c> on JWT
/// routes, <c>x-amz-cognito-request-id</c> from the token endpoint, as those services name it) and a <c>Date</c> from the
/// endpoint's clock.
/// </summary>
internal sealed class EndpointPipeline
{
    private readonly EndpointState _state;

    public EndpointPipeline(EndpointState state) => _state = state;

    public async Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        string requestId = Guid.NewGuid().ToString();
        TimeSpan delay = _state.Faults.RequestDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _state.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        Dictionary<string, string>? form = AwsQueryParameters(request);
        string? target = request.Method == "POST" ? request.Get("X-Amz-Target") : null;
        string? action = form?.GetValueOrDefault("Action") ?? target?[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        KeyRecord? caller = null;
        WireResponse response;
        try
        {
            (response, caller) = await DispatchAsync(request, form, action, requestId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            response = target is not null && form is null
                ? AwsJson.Error(500, "InternalFailure", "The endpoint failed: " + exception.Message)
                : form is null
                ? ApiGatewayJson.Error(500, "InternalServerErrorException", "Internal server error")
                : AwsQueryXml.Error(500, Namespace(action, request), "InternalFailure", "The endpoint failed: " + exception.Message, requestId);
        }

        if (form is not null && response.ErrorMessage is not null && AwsQueryJson.IsRequested(request))
        {
            string? denial = response.Denial;
            response = AwsQueryJson.Error(response, requestId);
            response.Denial = denial;
        }

        DateTimeOffset now = _state.Now;
        if (response.RequestIdStyle == RequestIdStyle.HttpApi)
        {
            requestId = Convert.ToBase64String(Guid.Parse(requestId).ToByteArray().AsSpan(0, 11));
        }

        response.Headers.Add(new(response.RequestIdStyle switch
        {
            RequestIdStyle.HttpApi => "apigw-requestid",
            RequestIdStyle.Cognito => "x-amz-cognito-request-id",
            _ => "x-amzn-RequestId",
        }, requestId));
        response.Headers.Add(new("Date", now.ToString("R", CultureInfo.InvariantCulture)));
        _state.Record(new RecordedRequest
        {
            Method = request.Method,
            Path = request.RawPath,
            Action = action,
            CallerArn = caller?.CallerArn,
            StatusCode = response.StatusCode,
            ErrorCode = response.ErrorCode,
            Denial = response.Denial,
            RequestId = requestId,
            Timestamp = now,
        });
        return response;
    }

    private async Task<(WireResponse, KeyRecord?)> DispatchAsync(
        WireRequest request, Dictionary<string, string>? form, string? action, string requestId, CancellationToken cancellationToken)
    {
        string ns = Namespace(action, request);
        if (action == "AssumeRole")
        {
            _state.CountAssumeRole();
        }

        bool json = form is null && request.Get("X-Amz-Target") is not null;
        bool appSync = form is null && !json && AppSyncHandler.Handles(_state, request);
        if (UnsignedRoutes.TryHandle(_state, request, form, action, requestId) is { } unsigned)
        {
            return (unsigned, null);
        }

        if (_state.Faults.TakeRequestFailure() is int status)
        {
            return (json ? AwsJson.Error(status, status == 503 ? "ServiceUnavailableException" : "InternalFailure", status == 503 ? "Service Unavailable" : "An internal error occurred.") : ServerErrors.Create(status, form is not null, ns, requestId), null);
        }

        if (form is not null && ns == AwsQueryXml.StsNamespace && _state.Faults.TakeStsThrottle())
        {
            return (AwsQueryXml.Error(400, ns, "Throttling", "Rate exceeded", requestId), null);
        }

        if (form is null && !json && !appSync && await CognitoRouter.TryHandleAsync(_state, request, cancellationToken).ConfigureAwait(false) is { } cognito)
        {
            return (cognito, null);
        }

        // The scope must name the service the request addresses and the endpoint's region, for every service (SigV4a's
        // region set is checked by the verifier).
        string service = json ? (SqsHandler.Handles(request) ? "sqs" : "events") : appSync ? "appsync" : form is null ? "execute-api" : ns == AwsQueryXml.StsNamespace ? "sts" : "sns";
        (KeyRecord? caller, SigV4Authorization? authorization, AuthFailure? failure) = SigV4Verifier.Verify(request, _state.Keys, _state.Now, _state.Options.MaxClockSkew, _state.Options.Region, service);
        if (failure is not null || caller is null)
        {
            AuthFailure reported = failure ?? new AuthFailure(AuthFailureKind.MissingAuthenticationToken, "Missing Authentication Token");
            return (json ? AwsJson.AuthError(reported) : appSync ? AppSyncHandler.AuthError(reported) : form is null ? AuthErrors.ApiGateway(reported) : AuthErrors.AwsQuery(reported, ns, requestId), null);
        }

        if (appSync)
        {
            return (AppSyncHandler.Handle(_state, request, caller), caller);
        }

        if (json)
        {
            return (request.Get("X-Amz-Target")!.StartsWith(EventBridgeHandler.TargetPrefix, StringComparison.Ordinal)
                ? EventBridgeHandler.Handle(_state, request, caller, authorization?.Region ?? _state.Options.Region)
                : SqsHandler.Handles(request) ? SqsHandler.Handle(_state, request, caller)
                : AwsJson.Error(400, "UnknownOperationException", string.Empty), caller);
        }

        if (form is null)
        {
            return (await ApiHandler.HandleAsync(_state, request, caller, cancellationToken).ConfigureAwait(false), caller);
        }

        WireResponse response = action switch
        {
            "AssumeRole" => AssumeRoleHandler.Handle(_state, form, caller, requestId),
            "GetCallerIdentity" => GetCallerIdentityHandler.Handle(caller, requestId, AwsQueryJson.IsRequested(request)),
            "Publish" => SnsHandler.Publish(_state, form, caller, requestId),
            "PublishBatch" => SnsHandler.PublishBatch(_state, form, caller, requestId),
            _ when SubscriptionHandler.Handles(action) => SubscriptionHandler.Handle(_state, action!, form, caller, requestId),
            null => AwsQueryXml.Error(400, ns, "MissingAction", "Missing Action", requestId),
            _ => AwsQueryXml.Error(400, ns, "InvalidAction", $"The action {action} is not valid for this web service.", requestId),
        };
        return (response, caller);
    }

    /// <summary>The parameters of an awsQuery call: a form POST to <c>/</c>, or a GET to <c>/</c> whose query names an
    /// <c>Action</c> (how presigned STS requests arrive); <see langword="null"/> for anything else.</summary>
    private static Dictionary<string, string>? AwsQueryParameters(WireRequest request)
    {
        if (request.RawPath != "/")
        {
            return null;
        }

        if (request.Method == "POST" && FormBody.IsForm(request))
        {
            return FormBody.Parse(request.Body);
        }

        if (request.Method == "GET" && request.RawQuery.Length > 0)
        {
            Dictionary<string, string> query = FormBody.Parse(System.Text.Encoding.UTF8.GetBytes(request.RawQuery));
            return query.ContainsKey("Action") ? query : null;
        }

        return null;
    }

    private static string Namespace(string? action, WireRequest request)
    {
        if (action is "AssumeRole" or "GetCallerIdentity" or "GetSessionToken" or "AssumeRoleWithWebIdentity")
        {
            return AwsQueryXml.StsNamespace;
        }

        bool stsScope = request.Get("Authorization")?.Contains("/sts/aws4_request", StringComparison.Ordinal) == true;
        return action is null && stsScope ? AwsQueryXml.StsNamespace : AwsQueryXml.SnsNamespace;
    }
}
