using System.Diagnostics;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>Turns a W3C <see cref="Activity"/> into the X-Ray trace header EventBridge carries (<c>TraceHeader</c>), as the
/// AWS X-Ray propagator for OpenTelemetry does: <c>Root=1-{first 8 hex of the trace id}-{other 24};Parent={span
/// id};Sampled={0|1}</c>.</summary>
internal static class XRayTraceHeader
{
    public static string? FromCurrent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? From(activity) : null;

    public static string From(Activity activity)
    {
        string traceId = activity.TraceId.ToHexString();
        bool sampled = (activity.ActivityTraceFlags & ActivityTraceFlags.Recorded) != 0;
        return $"Root=1-{traceId.AsSpan(0, 8)}-{traceId.AsSpan(8)};Parent={activity.SpanId.ToHexString()};Sampled={(sampled ? '1' : '0')}";
    }
}
