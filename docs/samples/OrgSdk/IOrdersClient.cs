namespace Contoso.Orders;

/// <summary>The Orders service, as Contoso teams see it.</summary>
public interface IOrdersClient
{
    /// <summary>Gets an order, or <see langword="null"/> when there is none.</summary>
    /// <param name="id">The order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    Task<Order?> GetOrderAsync(string id, CancellationToken cancellationToken = default);
}
