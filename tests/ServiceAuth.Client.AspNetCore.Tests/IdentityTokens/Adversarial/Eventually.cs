using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Waits (on the machine's progress, never on a clock the tests read) until a condition holds, at most 30 s of
/// real time, so a regression fails instead of hanging; and reaches the verifier's per-scheme state.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, string because)
    {
        long started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            Stopwatch.GetElapsedTime(started).ShouldBeLessThan(Budget, because);
            await Task.Yield();
            Thread.Yield();
        }
    }

    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Budget);

    public static IdentityTokenSchemeState State(ServiceB b, TimeProvider time)
    {
        IamIdentityTokenAuthenticationOptions options = b.Services.GetRequiredService<IOptionsMonitor<IamIdentityTokenAuthenticationOptions>>().Get(IamIdentityTokenDefaults.AuthenticationScheme);
        return b.Services.GetRequiredService<IdentityTokenSchemeStates>().Get(IamIdentityTokenDefaults.AuthenticationScheme, options, time);
    }
}
