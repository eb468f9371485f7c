namespace ServiceAuth.Client.AspNetCore.Tests.Support;

/// <summary>Accounts and roles the tests use.</summary>
internal static class Principals
{
    public const string AccountA = "111111111111";
    public const string OrdersRole = "arn:aws:iam::111111111111:role/orders-writer";
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
}
