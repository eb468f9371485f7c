using Microsoft.Extensions.Configuration;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// What a configuration section may set on <see cref="SnsPublisherOptions{TMessage}"/>: the settings, not the objects
/// (credentials, serializer metadata). Bound by the source-generated binder (a generic options type cannot be), then
/// copied; unknown keys are errors.
/// </summary>
internal sealed class SnsPublisherSection
{
    public string? TopicArn { get; set; }

    public string? Region { get; set; }

    public Uri? ServiceUrl { get; set; }

    public bool? AllowInsecureHttp { get; set; }

    public AssumeRoleOptions? AssumeRole { get; set; }

    public bool? ContentBasedDeduplication { get; set; }

    public int? MaxMessageBytes { get; set; }

    public bool? AddTraceContext { get; set; }

    public int? MaxBatchRetries { get; set; }

    public int? MaxConcurrentBatchRequests { get; set; }

    public static void Bind<TMessage>(IConfigurationSection section, SnsPublisherOptions<TMessage> options)
    {
        var values = new SnsPublisherSection();
        section.Bind(values, binder => binder.ErrorOnUnknownConfiguration = true);
        options.TopicArn = values.TopicArn ?? options.TopicArn;
        options.Region = values.Region ?? options.Region;
        options.ServiceUrl = values.ServiceUrl ?? options.ServiceUrl;
        options.AllowInsecureHttp = values.AllowInsecureHttp ?? options.AllowInsecureHttp;
        options.AssumeRole = values.AssumeRole ?? options.AssumeRole;
        options.ContentBasedDeduplication = values.ContentBasedDeduplication ?? options.ContentBasedDeduplication;
        options.MaxMessageBytes = values.MaxMessageBytes ?? options.MaxMessageBytes;
        options.AddTraceContext = values.AddTraceContext ?? options.AddTraceContext;
        options.MaxBatchRetries = values.MaxBatchRetries ?? options.MaxBatchRetries;
        options.MaxConcurrentBatchRequests = values.MaxConcurrentBatchRequests ?? options.MaxConcurrentBatchRequests;
    }
}
