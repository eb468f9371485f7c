namespace ServiceAuth.Client.Tests;

/// <summary>Tests that listen to the process-wide <c>ServiceAuth.Client</c> meter or activity source: they run alone,
/// so that no other test's measurements or spans reach their collectors (and their listeners sample no one else's).</summary>
[CollectionDefinition(nameof(ProcessWideTelemetryCollection), DisableParallelization = true)]
public sealed class ProcessWideTelemetryCollection;
