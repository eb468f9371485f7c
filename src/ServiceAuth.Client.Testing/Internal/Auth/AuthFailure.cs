namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>An authentication failure with the message AWS would send.</summary>
internal sealed class AuthFailure
{
    public AuthFailure(AuthFailureKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    public AuthFailureKind Kind { get; }

    public string Message { get; }

    /// <summary>Gets a value indicating whether the credential scope names another service or region than the request's.</summary>
    public bool IsScopeFailure => Message.StartsWith("Credential should be scoped", StringComparison.Ordinal);

    /// <summary>Gets or sets the canonical request the verifier computed, for a signature mismatch. It holds no secret.</summary>
    public string? CanonicalRequest { get; set; }

    /// <summary>Gets or sets the string to sign the verifier computed, for a signature mismatch.</summary>
    public string? StringToSign { get; set; }
}
