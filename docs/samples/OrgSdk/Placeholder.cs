namespace Contoso.Orders;

internal static class Placeholder
{
}
