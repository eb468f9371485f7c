using System.Diagnostics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>The tags every messaging measurement of one publisher carries: <c>messaging.system</c>,
/// <c>messaging.destination.name</c> and, when known, <c>server.address</c>.</summary>
internal readonly record struct MessagingTarget(string System, string Destination, string? ServerAddress)
{
    /// <summary>The tags of one measurement: the target's, the operation name and, on failure, <c>error.type</c>.</summary>
    public TagList Tags(string operation, string? errorType)
    {
        var tags = new TagList
        {
            { "messaging.system", System },
            { "messaging.operation.name", operation },
            { "messaging.destination.name", Destination },
        };
        if (ServerAddress is not null)
        {
            tags.Add("server.address", ServerAddress);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        return tags;
    }
}
