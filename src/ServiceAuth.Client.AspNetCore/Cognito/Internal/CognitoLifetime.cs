using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceAuth.Client.AspNetCore.Internal;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// The lifetime check of Cognito tokens, on the scheme's <see cref="TimeProvider"/>, run inside token validation (so on
/// every path, the in-line key refresh included): <c>exp</c>, <c>nbf</c> and <c>iat</c> must be JSON numbers (a string
/// is refused, where Microsoft.IdentityModel would parse it); <c>exp</c> is required and not past, <c>nbf</c> and
/// <c>iat</c> not ahead of now by more than the clock skew (API Gateway requires <c>iat</c> before now).
/// </summary>
internal sealed class CognitoLifetime(TimeProvider timeProvider)
{
    public bool Validate(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        double? issuedAt = ReadTimeClaims(token);
        DateTime now = timeProvider.GetUtcNow().UtcDateTime;
        TimeSpan skew = parameters.ClockSkew;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp.");
        }

        if (notBefore is { } nbf && nbf > exp)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.") { NotBefore = nbf, Expires = exp };
        }

        if (notBefore is { } early && early > now + skew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = early };
        }

        if (exp < now - skew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
        }

        double ahead = (issuedAt ?? 0) - timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (ahead > skew.TotalSeconds)
        {
            throw new CognitoTokenRefusedException(string.Create(CultureInfo.InvariantCulture, $"the token was issued in the future (iat is {ahead:0} s ahead of this server's clock, more than the clock skew of {skew.TotalSeconds:0} s)"));
        }

        return true;
    }

    /// <summary>Checks that <c>exp</c>, <c>nbf</c> and <c>iat</c>, where present, are JSON numbers; returns <c>iat</c>.
    /// The payload is decoded again from the token's own text into a stack buffer (no substring, no array): the parsed
    /// token keeps the values but not whether they were numbers.</summary>
    private static double? ReadTimeClaims(SecurityToken token)
    {
        if (token is not JsonWebToken jwt)
        {
            throw new CognitoTokenRefusedException("the token is not a JWT");
        }

        ReadOnlySpan<char> payload = PayloadOf(jwt.EncodedToken);
        int max = Base64UrlBytes.MaxDecodedLength(payload.Length);
        byte[]? rented = max > Base64UrlBytes.StackLimit ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> json = rented is null ? stackalloc byte[Base64UrlBytes.StackLimit] : rented;
            return Base64UrlBytes.TryDecode(payload, json, out int written)
                ? ReadTimeClaims(json[..written])
                : throw new CognitoTokenRefusedException("the token's payload is not base64url");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static double? ReadTimeClaims(ReadOnlySpan<byte> json)
    {
        double? issuedAt = null;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? name = reader.ValueTextEquals("exp"u8) ? "exp" : reader.ValueTextEquals("nbf"u8) ? "nbf" : reader.ValueTextEquals("iat"u8) ? "iat" : null;
            reader.Read();
            if (name is not null && reader.TokenType != JsonTokenType.Number)
            {
                throw new CognitoTokenRefusedException($"{name} is not a JSON number");
            }

            if (name == "iat")
            {
                issuedAt = reader.GetDouble();
            }

            reader.Skip();
        }

        return issuedAt;
    }

    /// <summary>The second dot-separated part of a compact JWS.</summary>
    private static ReadOnlySpan<char> PayloadOf(string encoded)
    {
        ReadOnlySpan<char> rest = encoded.AsSpan(encoded.IndexOf('.', StringComparison.Ordinal) + 1);
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }
}
