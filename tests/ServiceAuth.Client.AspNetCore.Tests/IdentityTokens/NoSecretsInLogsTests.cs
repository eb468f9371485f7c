using System.Net;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

public sealed class NoSecretsInLogsTests
{
    [Fact]
    public async Task Verifier_AcceptingAndRefusing_NeverLogsTheTokenOrItsSignature()
    {
        await using AttackBed bed = await AttackBed.StartAsync();
        string token = await bed.A.MintAsync();
        string url = TokenSurgery.Open(token).Url;
        string signature = url[(url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + "X-Amz-Signature=".Length)..];
        string credential = url.Split('&').Single(p => p.StartsWith("X-Amz-Credential=", StringComparison.Ordinal));
        string accessKey = Uri.UnescapeDataString(credential["X-Amz-Credential=".Length..]).Split('/')[0];

        (await bed.B.GetAsync("whoami", token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        bed.Time.Advance(TimeSpan.FromMinutes(1));
        await bed.B.GetAsync("whoami", TokenSurgery.EditUrl(token, u => u + "&action=x"));
        await bed.B.GetAsync("whoami", TokenSurgery.EditUrl(token, u => u.Replace("Version=2011-06-15", "Version=2099-01-01", StringComparison.Ordinal)));
        await bed.B.GetAsync("whoami", TokenSurgery.EditUrl(token, u => u.Replace("%2Fus-east-1%2F", "%2Feu-west-1%2F", StringComparison.Ordinal)));
        bed.Aws.Faults.FailNextRequests(1, 503);
        await bed.B.GetAsync("whoami", TokenSurgery.EditUrl(token, u => u.Replace("X-Amz-Expires=900", "X-Amz-Expires=899", StringComparison.Ordinal)));

        IReadOnlyList<FakeLogRecord> records = bed.B.Logs.GetSnapshot();
        records.ShouldContain(r => r.Id.Id == 820);
        records.ShouldContain(r => r.Id.Id == 821);
        foreach (FakeLogRecord record in records)
        {
            string text = record.Message + " " + string.Join(' ', record.StructuredState?.Select(kv => kv.Value) ?? []);
            text.ShouldNotContain(signature, customMessage: record.Category);
            text.ShouldNotContain(token[..40], customMessage: record.Category);
            text.ShouldNotContain(accessKey, customMessage: record.Category);
        }
    }
}
