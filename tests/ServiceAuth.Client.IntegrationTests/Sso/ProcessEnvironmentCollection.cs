namespace ServiceAuth.Client.IntegrationTests.Sso;

/// <summary>Tests that change process-wide environment variables (HOME, AWS_*): run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;
