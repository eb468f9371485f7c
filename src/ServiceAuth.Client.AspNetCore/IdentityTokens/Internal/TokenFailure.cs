namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Why a token is refused, and what exactly was wrong (no secrets; attacker-supplied text is cut short).</summary>
internal sealed class TokenFailure(IamIdentityTokenFailureReason reason, string detail)
{
    public IamIdentityTokenFailureReason Reason { get; } = reason;

    public string Detail { get; } = detail;

    public bool IsStsSide => Reason is IamIdentityTokenFailureReason.StsFailed or IamIdentityTokenFailureReason.StsTimeout
        or IamIdentityTokenFailureReason.StsResponseInvalid;

    /// <summary>Quotes attacker-supplied text for a log line: at most 64 printable ASCII characters.</summary>
    public static string Quote(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var chars = text.Take(64).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray();
        return $"'{new string(chars)}{(text.Length > 64 ? "…" : string.Empty)}'";
    }
}
