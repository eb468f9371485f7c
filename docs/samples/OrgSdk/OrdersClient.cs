using System.Net;
using System.Net.Http.Json;

namespace Contoso.Orders;

/// <summary>The typed client behind <see cref="IOrdersClient"/>: its HttpClient is signed as the Orders role.</summary>
internal sealed class OrdersClient(HttpClient http) : IOrdersClient
{
    public async Task<Order?> GetOrderAsync(string id, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await http.GetAsync($"orders/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(OrdersJson.Default.Order, cancellationToken);
    }
}
