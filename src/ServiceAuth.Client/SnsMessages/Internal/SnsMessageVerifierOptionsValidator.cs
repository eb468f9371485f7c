using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>Validates the verifier's options at startup; each message names the value and the fix.</summary>
internal sealed class SnsMessageVerifierOptionsValidator : IValidateOptions<SnsMessageVerifierOptions>
{
    public ValidateOptionsResult Validate(string? name, SnsMessageVerifierOptions options)
    {
        var failures = new List<string>();
        const string Prefix = "SNS message verifier: ";
        if (options.AllowedTopicArns.Count == 0)
        {
            failures.Add(Prefix + "AllowedTopicArns is empty; add the ARN of every topic whose messages you accept, for example \"arn:aws:sns:eu-west-1:222233334444:orders\".");
        }

        foreach (string arn in options.AllowedTopicArns.Where(a => !IsTopicArn(a)))
        {
            failures.Add(Prefix + $"AllowedTopicArns entry '{arn}' is not a topic ARN (arn:<partition>:sns:<region>:<12-digit account>:<name>); wildcards are not supported.");
        }

        Check(failures, options.MaxMessageAge > TimeSpan.Zero && options.MaxMessageAge <= TimeSpan.FromDays(14), $"MaxMessageAge {options.MaxMessageAge} must be above zero and at most 14 days (SQS's longest retention).");
        Check(failures, options.AllowedClockSkew >= TimeSpan.Zero && options.AllowedClockSkew <= TimeSpan.FromHours(1), $"AllowedClockSkew {options.AllowedClockSkew} must be between zero and 1 hour.");
        Check(failures, options.MinimumSignatureVersion is 1 or 2, $"MinimumSignatureVersion {options.MinimumSignatureVersion} must be 1 or 2.");
        Check(failures, options.MaxEnvelopeBytes >= 1024, $"MaxEnvelopeBytes {options.MaxEnvelopeBytes} must be at least 1024.");
        Check(failures, options.MaxCachedCertificates >= 1, $"MaxCachedCertificates {options.MaxCachedCertificates} must be at least 1.");
        Check(failures, options.MaxRememberedMessageIds >= 1, $"MaxRememberedMessageIds {options.MaxRememberedMessageIds} must be at least 1.");
        Check(failures, (options.TestSigningCertificate is null) == (options.TestSigningCertUrl is null), "TestSigningCertificate and TestSigningCertUrl go together: set both (tests only) or neither.");
        Check(failures, options.TestSigningCertUrl is null or { IsAbsoluteUri: true }, $"TestSigningCertUrl '{options.TestSigningCertUrl}' must be an absolute URI, for example LocalAwsEndpoint.SigningCertUrl.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        static void Check(List<string> failures, bool ok, string message)
        {
            if (!ok)
            {
                failures.Add(Prefix + message);
            }
        }
    }

    private static bool IsTopicArn(string? arn) =>
        arn is not null && arn.Split(':') is { Length: 6 } p && p[0] == "arn" && p[1].StartsWith("aws", StringComparison.Ordinal) && p[2] == "sns"
        && p[3].Length > 0 && p[4].Length == 12 && p[4].All(char.IsAsciiDigit) && p[5].Length > 0 && !arn.Contains('*', StringComparison.Ordinal);
}
