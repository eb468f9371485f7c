namespace Contoso.Orders;

/// <summary>The platform team's fixed choices: one place to review them.</summary>
public static class ContosoOrdersDefaults
{
    /// <summary>The Orders service's API Gateway stage.</summary>
    public static readonly Uri BaseAddress = new("https://orders.execute-api.eu-west-1.amazonaws.com/prod/");

    /// <summary>The role the Orders team lets callers assume.</summary>
    public const string RoleArn = "arn:aws:iam::222233334444:role/orders-caller";

    /// <summary>The external id the Orders role's trust policy requires of Contoso callers.</summary>
    public const string ExternalId = "contoso-orders";

    /// <summary>The region of the Orders service.</summary>
    public const string Region = "eu-west-1";
}
