namespace ServiceAuth.Client.Testing;

/// <summary>An authenticated and authorized call of an API route, given to the route's responder.</summary>
public sealed class ApiInvocation
{
    internal ApiInvocation()
    {
    }

    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the decoded request path.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the raw query string without the leading '?'.</summary>
    public required string RawQuery { get; init; }

    /// <summary>Gets the values of the template's <c>{name}</c> segments.</summary>
    public required IReadOnlyDictionary<string, string> RouteValues { get; init; }

    /// <summary>Gets the caller ARN (a user ARN or an assumed-role session ARN); empty on a JWT-authorized route.</summary>
    public required string CallerArn { get; init; }

    /// <summary>Gets the ARN policies name for the caller (the user ARN or the role ARN); empty on a JWT-authorized route.</summary>
    public required string PrincipalArn { get; init; }

    /// <summary>Gets the body as UTF-8 text.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the claims of the validated JWT on a JWT-authorized route (what API Gateway passes as
    /// <c>requestContext.authorizer.jwt.claims</c>); empty on an IAM-authorized route.</summary>
    public IReadOnlyDictionary<string, string> JwtClaims { get; init; } = new Dictionary<string, string>();
}
