namespace Contoso.Orders;

/// <summary>An order, as the Orders API returns it.</summary>
public sealed record Order(string Id, decimal Total);
