using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>Dates at the ends of the calendar, with a matching credential scope, are refused (never an exception).</summary>
public sealed class AmzDateEdgeTests
{
    [Theory]
    [InlineData("00010101T000000Z", IamIdentityTokenFailureReason.Expired)]
    [InlineData("00010101T000030Z", IamIdentityTokenFailureReason.Expired)]
    [InlineData("99991231T235959Z", IamIdentityTokenFailureReason.NotYetValid)]
    public async Task AmzDateAtTheEndsOfTheCalendar_IsRefusedWithAPlain401(string date, IamIdentityTokenFailureReason expected)
    {
        await using AttackBed bed = await AttackBed.StartAsync(o => o.MaxClockSkew = TimeSpan.FromMinutes(5));
        string token = TokenSurgery.EditUrl(await bed.A.MintAsync(), url => url
            .Replace("X-Amz-Date=20261201T000000Z", "X-Amz-Date=" + date, StringComparison.Ordinal)
            .Replace("%2F20261201%2F", "%2F" + date[..8] + "%2F", StringComparison.Ordinal));

        var refusal = await bed.RefuseAsync(token);

        refusal.Reason.ShouldBe(expected);
        bed.StsCalls.ShouldBe(0);
    }
}
