using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client.Tests.DependencyInjection;

/// <summary>Stands for an organization's SDK that registers its own signed client.</summary>
internal static class OrgSdk
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddOrders(IServiceCollection services) =>
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://orders.example.com/");
            o.Region = "eu-west-1";
            o.Service = "execute-api";
        });
}
