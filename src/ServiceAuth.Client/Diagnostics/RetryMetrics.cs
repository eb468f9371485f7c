using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>Requests sent again, on <see cref="ServiceAuthTelemetry.Meter"/>: by the AWS retry handler (reason
/// <c>throttling</c> or <c>transient</c>) or by the signing handler's one recovery resend (<c>rejected_credentials</c> or
/// <c>clock_skew</c>).</summary>
internal static class RetryMetrics
{
    private static readonly Counter<long> Retries = ServiceAuthTelemetry.Meter.CreateCounter<long>(
        "serviceauth.http.retries", "{retry}", "Signed requests sent again by the AWS retry handler or the signing handler, by reason.");

    public static void Retried(string reason) => Retries.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
