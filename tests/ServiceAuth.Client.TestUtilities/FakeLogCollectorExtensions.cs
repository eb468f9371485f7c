using Microsoft.Extensions.Logging.Testing;

namespace ServiceAuth.Client.TestUtilities;

/// <summary>
/// Renders what <see cref="FakeLogCollector"/> (Microsoft.Extensions.Diagnostics.Testing) collected as one line per record,
/// with everything a secret could hide in: level, category, event id, message, structured state, scopes and exception.
/// </summary>
public static class FakeLogCollectorExtensions
{
    /// <summary>Gets one line per record collected so far: <c>{Level} {Category} [{EventId}] {Message} {state} {scopes} {exception}</c>.</summary>
    /// <param name="collector">The collector of a <see cref="FakeLoggerProvider"/>.</param>
    /// <returns>A snapshot of the lines.</returns>
    public static string[] Lines(this FakeLogCollector collector) => [.. collector.GetSnapshot().Select(Render)];

    private static string Render(FakeLogRecord record)
    {
        string state = record.StructuredState is { } pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        string scopes = string.Join(";", record.Scopes.Select(s => s is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(",", kv.Select(p => $"{p.Key}={p.Value}")) : s?.ToString()));
        return $"{record.Level} {record.Category} [{record.Id.Id}] {record.Message} {{{state}}} scopes: {scopes} {record.Exception}";
    }
}
