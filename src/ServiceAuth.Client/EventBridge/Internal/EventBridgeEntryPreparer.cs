namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>Serializes and validates events before anything is sent: every rule is checked here, naming the rule and the
/// value, so that EventBridge never sees an entry it would reject for its shape.</summary>
internal sealed class EventBridgeEntryPreparer<TEvent>(EventBridgePublisherSettings<TEvent> settings)
{
    public PreparedEntry Prepare(EventBridgeEvent<TEvent> entry, int? index, string? traceHeader)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Detail is null)
        {
            throw Fail(EventBridgeValidationRule.Detail, "(null)", index, "the detail must not be null");
        }

        string detail = settings.Serialize(entry.Detail);
        if (!(EventBridgePublisherSettings<TEvent>.IsRaw ? EventBridgeRules.IsJsonObject(detail) : detail.StartsWith('{')))
        {
            throw Fail(EventBridgeValidationRule.Detail, "(not a JSON object)", index, "Detail must be a JSON object such as {\"orderId\":\"o-1\"}; EventBridge rules match on its fields");
        }

        string? source = entry.Source ?? settings.Source;
        if (EventBridgeRules.CheckSource(source) is { } sourceProblem)
        {
            throw Fail(EventBridgeValidationRule.Source, source, index, $"Source '{EventBridgeText.Shorten(source)}' {sourceProblem}");
        }

        string? detailType = entry.DetailType ?? settings.DetailType;
        if (EventBridgeRules.CheckDetailType(detailType) is { } typeProblem)
        {
            throw Fail(EventBridgeValidationRule.DetailType, detailType, index, $"DetailType '{EventBridgeText.Shorten(detailType)}' {typeProblem}");
        }

        IReadOnlyList<string> resources = entry.Resources ?? settings.Resources;
        if (EventBridgeRules.CheckResources(resources) is { } resourceProblem)
        {
            throw Fail(EventBridgeValidationRule.Resources, resources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), index, $"Resources {resourceProblem}");
        }

        string? trace = entry.TraceHeader ?? traceHeader;
        if (trace is not null && EventBridgeRules.CheckTraceHeader(trace) is { } traceProblem)
        {
            throw Fail(EventBridgeValidationRule.TraceHeader, trace, index, $"TraceHeader {traceProblem}");
        }

        if (entry.Time is { } time && time.ToUnixTimeMilliseconds() < 0)
        {
            throw Fail(EventBridgeValidationRule.Time, time.ToString("O", System.Globalization.CultureInfo.InvariantCulture), index, "Time must not be before 1970-01-01T00:00:00Z");
        }

        int size = EventBridgeEntrySize.Of(source!, detailType!, detail, resources, entry.Time.HasValue);
        if (size < 0 || (trace is not null && EventBridgeText.Utf8Length(trace) < 0))
        {
            throw Fail(EventBridgeValidationRule.Text, "(text)", index, "a field has a lone surrogate and cannot be sent as UTF-8");
        }

        if (size > settings.MaxRequestBytes)
        {
            throw Fail(EventBridgeValidationRule.EntrySize, $"{size} bytes", index,
                $"the entry is {size} bytes by AWS's entry-size formula (Time 14 + UTF-8 bytes of Source, DetailType, Detail and Resources), over MaxRequestBytes {settings.MaxRequestBytes}; offload large payloads to S3");
        }

        return new PreparedEntry { Source = source!, DetailType = detailType!, Detail = detail, Resources = resources, Time = entry.Time, TraceHeader = trace, Size = size };
    }

    private static EventBridgeValidationException Fail(EventBridgeValidationRule rule, string? value, int? index, string detail) =>
        new(rule, EventBridgeText.Shorten(value), index, $"EventBridge event{(index is null ? string.Empty : $" #{index}")} breaks rule {rule}: {detail}. Nothing was sent.");
}
