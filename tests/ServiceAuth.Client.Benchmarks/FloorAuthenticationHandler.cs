using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The authentication floor of <see cref="ReceivingSideBenchmarks"/>: compares the <c>Authorization</c> header with one
/// string (the same 1,615-character token) and returns the same 7 claims an IAM identity token of a role session authenticates. Any real handler costs
/// at least this.
/// </summary>
internal sealed class FloorAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Floor";
    /// <summary>Gets or sets the one accepted <c>Authorization</c> value: the benchmarks use the identity token's, so both
    /// pipelines receive the same request bytes.</summary>
    public static string Expected { get; set; } = "Bearer floor-secret-value";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!string.Equals(Request.Headers.Authorization, Expected, StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        const string arn = "arn:aws:sts::111111111111:assumed-role/orders-writer/i-0abc";
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, arn, ClaimValueTypes.String, SchemeName),
                new Claim("aws:arn", arn, ClaimValueTypes.String, SchemeName),
                new Claim("aws:account", "111111111111", ClaimValueTypes.String, SchemeName),
                new Claim("aws:principal_type", "assumed-role", ClaimValueTypes.String, SchemeName),
                new Claim("aws:user_id", "AROAAAAAAAAAAAAAAAAA", ClaimValueTypes.String, SchemeName),
                new Claim("aws:role_arn", "arn:aws:iam::111111111111:role/orders-writer", ClaimValueTypes.String, SchemeName),
                new Claim("aws:session_name", "i-0abc", ClaimValueTypes.String, SchemeName),
            ],
            SchemeName,
            "aws:arn",
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
