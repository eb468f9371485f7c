using Polly;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>
/// Classifies an attempt's outcome the way the AWS SDKs do (the error code read from the answer first, then the status;
/// exceptions by type) and remembers the verdict on the <see cref="ResilienceContext"/>, so that the delay generator and
/// the retry telemetry of the same attempt do not read the answer again.
/// </summary>
internal static class AwsOutcomeClassifier
{
    private static readonly ResiliencePropertyKey<AwsErrorKind> KindKey = new("ServiceAuth.AwsErrorKind");

    public static async ValueTask<AwsErrorKind> ClassifyAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        AwsErrorKind kind = outcome.Exception is { } e
            ? AwsErrorClassifier.Classify(e, context.CancellationToken)
            : await ClassifyAsync(outcome.Result, context).ConfigureAwait(false);
        context.Properties.Set(KindKey, kind);
        return kind;
    }

    /// <summary>The kind the last classification on this context found, or <see langword="null"/>.</summary>
    public static AwsErrorKind? LastKind(ResilienceContext context) =>
        context.Properties.TryGetValue(KindKey, out AwsErrorKind kind) ? kind : null;

    /// <summary>Whether the request can be sent once more: no body, or one that can be read again.</summary>
    public static bool CanReplay(ResilienceContext context) =>
        context.GetRequestMessage() is not { } request || ReplayableContent.IsReplayable(request);

    private static async ValueTask<AwsErrorKind> ClassifyAsync(HttpResponseMessage? response, ResilienceContext context)
    {
        if (response is null || (int)response.StatusCode < 400)
        {
            return AwsErrorKind.None;
        }

        int status = (int)response.StatusCode;
        string? code = status is 400 or 403 or 429 or >= 500
            ? await AwsErrorResponse.ReadCodeAsync(response, context.CancellationToken).ConfigureAwait(false)
            : null;
        return AwsErrorClassifier.Classify(status, code);
    }
}
