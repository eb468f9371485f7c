using Microsoft.Extensions.Options;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>Validates SNS publisher options at startup; each message names the publisher, the value and the fix.</summary>
internal sealed class SnsPublisherOptionsValidator<TMessage>(SnsPublisherRegistry registry) : IValidateOptions<SnsPublisherOptions<TMessage>>
{
    public const int MinMessageBytes = 1024;
    public const int MaxMessageBytes = 1_048_576;

    public ValidateOptionsResult Validate(string? name, SnsPublisherOptions<TMessage> options)
    {
        name ??= Options.DefaultName;
        if (!registry.Contains(typeof(TMessage), name))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        string publisher = $"SNS publisher of {typeof(TMessage).Name}{(name.Length == 0 ? string.Empty : $" '{name}'")}";
        SnsTopicArn? topic = SnsTopicArn.TryParse(options.TopicArn, out string problem);
        if (options.TopicArn is null)
        {
            failures.Add($"{publisher}: TopicArn is required, for example \"arn:aws:sns:eu-west-1:222233334444:orders\".");
        }
        else if (topic is null)
        {
            failures.Add($"{publisher}: TopicArn '{options.TopicArn}' is not valid: {problem}.");
        }

        if (options.Region is { } region && (!AwsRegion.IsValid(region) || (topic is not null && region != topic.Region)))
        {
            failures.Add($"{publisher}: Region '{region}' does not match the topic's region '{topic?.Region}'; remove Region (it defaults to the ARN's) or fix the ARN.");
        }

        if (options.ServiceUrl is { IsAbsoluteUri: false } url)
        {
            failures.Add($"{publisher}: ServiceUrl '{url}' must be an absolute URI such as https://vpce-0abc-1234.sns.eu-west-1.vpce.amazonaws.com/.");
        }

        if (options.MaxMessageBytes is < MinMessageBytes or > MaxMessageBytes)
        {
            failures.Add($"{publisher}: MaxMessageBytes {options.MaxMessageBytes} must be between {MinMessageBytes} and {MaxMessageBytes} (the topic's MaximumMessageSize; 262144 by default).");
        }

        if (topic is { IsFifo: false } && options.ContentBasedDeduplication)
        {
            failures.Add($"{publisher}: ContentBasedDeduplication is only valid on FIFO topics, and '{topic.Name}' is a standard topic (a FIFO topic's name ends in .fifo).");
        }

        if (options.MaxBatchRetries is < 0 or > 10)
        {
            failures.Add($"{publisher}: MaxBatchRetries {options.MaxBatchRetries} must be between 0 and 10.");
        }

        if (options.MaxConcurrentBatchRequests is < 1 or > 64)
        {
            failures.Add($"{publisher}: MaxConcurrentBatchRequests {options.MaxConcurrentBatchRequests} must be between 1 and 64.");
        }

        if (!SnsPublisherSettings<TMessage>.IsRaw && SnsPublisherSettings<TMessage>.ResolveTypeInfo(options) is null)
        {
            failures.Add(options.SerializerContext is null
                ? $"{publisher}: JsonTypeInfo is required to serialize {typeof(TMessage).Name} without reflection; set it to a source-generated type info such as AppJsonContext.Default.{typeof(TMessage).Name}, or set SerializerContext."
                : $"{publisher}: SerializerContext {options.SerializerContext.GetType().Name} has no type info for {typeof(TMessage).FullName}; add [JsonSerializable(typeof({typeof(TMessage).Name}))] to it or set JsonTypeInfo.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
