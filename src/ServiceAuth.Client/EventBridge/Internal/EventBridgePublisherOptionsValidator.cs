using Microsoft.Extensions.Options;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>Validates EventBridge publisher options at startup; each message names the publisher, the value and the fix.</summary>
internal sealed class EventBridgePublisherOptionsValidator<TEvent>(EventBridgePublisherRegistry registry) : IValidateOptions<EventBridgePublisherOptions<TEvent>>
{
    public const int MinRequestBytes = 1024;
    public const int MaxRequestBytes = 1_048_576;

    public ValidateOptionsResult Validate(string? name, EventBridgePublisherOptions<TEvent> options)
    {
        name ??= Options.DefaultName;
        if (!registry.Contains(typeof(TEvent), name))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        string publisher = $"EventBridge publisher of {typeof(TEvent).Name}{(name.Length == 0 ? string.Empty : $" '{name}'")}";
        EventBusTarget? bus = EventBusTarget.TryParse(options.EventBusName, out string problem);
        if (bus is null)
        {
            failures.Add($"{publisher}: EventBusName '{options.EventBusName}' is not valid: {problem}. Use the bus ARN for another account's bus.");
        }

        if (options.Region is { } region && (!AwsRegion.IsValid(region) || (bus is { IsArn: true } && region != bus.Region)))
        {
            failures.Add($"{publisher}: Region '{region}' is not valid or does not match the bus ARN's region '{bus?.Region}'; remove Region (it defaults to the ARN's) or fix it.");
        }
        else if (options.Region is null && bus is { IsArn: false })
        {
            failures.Add($"{publisher}: EventBusName '{bus.Value}' is a name, so set Region (for example \"eu-west-1\"), or use the bus ARN.");
        }

        if (options.ServiceUrl is { IsAbsoluteUri: false } url)
        {
            failures.Add($"{publisher}: ServiceUrl '{url}' must be an absolute URI such as https://vpce-0abc-1234.events.eu-west-1.vpce.amazonaws.com/.");
        }

        AddRuleFailures(failures, publisher, options);
        if (options.MaxRequestBytes is < MinRequestBytes or > MaxRequestBytes)
        {
            failures.Add($"{publisher}: MaxRequestBytes {options.MaxRequestBytes} must be between {MinRequestBytes} and {MaxRequestBytes} (1048576, the PutEvents limit since AWS raised it from 262144 in January 2026).");
        }

        if (options.MaxBatchRetries is < 0 or > 10)
        {
            failures.Add($"{publisher}: MaxBatchRetries {options.MaxBatchRetries} must be between 0 and 10.");
        }

        if (options.MaxConcurrentBatchRequests is < 1 or > 64)
        {
            failures.Add($"{publisher}: MaxConcurrentBatchRequests {options.MaxConcurrentBatchRequests} must be between 1 and 64.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddRuleFailures(List<string> failures, string publisher, EventBridgePublisherOptions<TEvent> options)
    {
        if (EventBridgeRules.CheckSource(options.Source) is { } sourceProblem)
        {
            failures.Add($"{publisher}: Source '{options.Source}' {sourceProblem}.");
        }

        string? detailType = EventBridgePublisherSettings<TEvent>.DefaultDetailType(options);
        if (EventBridgeRules.CheckDetailType(detailType) is { } typeProblem)
        {
            failures.Add($"{publisher}: DetailType '{detailType}' {typeProblem}.");
        }

        if (EventBridgeRules.CheckResources([.. options.Resources]) is { } resourceProblem)
        {
            failures.Add($"{publisher}: Resources {resourceProblem}.");
        }

        if (!EventBridgePublisherSettings<TEvent>.IsRaw && EventBridgePublisherSettings<TEvent>.ResolveTypeInfo(options) is null)
        {
            failures.Add(options.SerializerContext is null
                ? $"{publisher}: JsonTypeInfo is required to serialize {typeof(TEvent).Name} without reflection; set it to a source-generated type info such as AppJsonContext.Default.{typeof(TEvent).Name}, or set SerializerContext."
                : $"{publisher}: SerializerContext {options.SerializerContext.GetType().Name} has no type info for {typeof(TEvent).FullName}; add [JsonSerializable(typeof({typeof(TEvent).Name}))] to it or set JsonTypeInfo.");
        }
    }
}
