using System.Diagnostics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>The tags every messaging measurement of one publisher carries, by the OpenTelemetry messaging conventions
/// (v1.37): <c>messaging.system</c>, <c>messaging.destination.name</c> and, when known, <c>server.address</c> and
/// <c>server.port</c>.</summary>
internal readonly record struct MessagingTarget(string System, string Destination, string? ServerAddress, int? ServerPort)
{
    /// <summary>The <c>messaging.operation.type</c> of every publish: it sends.</summary>
    public const string SendOperationType = "send";

    /// <summary>The tags of one measurement: the target's, the operation name, <paramref name="operationType"/> when
    /// given (the duration carries it; the sent-messages counter does not) and, on failure, <c>error.type</c>.</summary>
    public TagList Tags(string operation, string? errorType, string? operationType = null)
    {
        var tags = new TagList
        {
            { "messaging.system", System },
            { "messaging.operation.name", operation },
            { "messaging.destination.name", Destination },
        };
        if (operationType is not null)
        {
            tags.Add("messaging.operation.type", operationType);
        }

        if (ServerAddress is not null)
        {
            tags.Add("server.address", ServerAddress);
            if (ServerPort is { } port)
            {
                tags.Add("server.port", port);
            }
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        return tags;
    }
}
