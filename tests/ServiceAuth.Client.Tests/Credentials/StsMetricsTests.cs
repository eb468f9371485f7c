using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.TestUtilities;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>The STS duration histogram, read with <see cref="MetricCollector{T}"/>: seconds, and <c>error.type</c> exactly on failed attempts.</summary>
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class StsMetricsTests
{
    [Fact]
    public async Task AssumeRoleDuration_IsInSeconds_WithErrorTypeOnlyOnFailures()
    {
        using var collector = new MetricCollector<double>(null, ServiceAuthTelemetry.Name, "serviceauth.sts.assume_role.duration");
        var f = CacheFixture.ForDrivenTime(); // long timeouts: the driven clock racing a busy machine must not time the attempts out
        f.Sts.Behavior = _ => f.Sts.Calls < 2 ? throw FakeSts.Error("Throttling", HttpStatusCode.BadRequest, "req-1") : Task.FromResult(f.Sts.Success());

        AssumedRoleCredentials entry = f.Entry();
        Task<Amazon.Runtime.ImmutableCredentials> resolving = entry.GetCredentialsAsync();
        await Eventually.DriveAsync(resolving, f.Time, TimeSpan.FromMilliseconds(100));
        await resolving;

        collector.Instrument!.Unit.ShouldBe("s");
        IReadOnlyList<CollectedMeasurement<double>> attempts = collector.GetMeasurementSnapshot();
        attempts.Count.ShouldBe(2);
        attempts[0].Tags["error.type"].ShouldBe("Throttling");
        attempts[1].Tags.ContainsKey("error.type").ShouldBeFalse();
        attempts.ShouldAllBe(m => m.Value >= 0);
    }
}
