using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>Validates every client's <see cref="AwsRetryOptions"/> at startup; messages name the client, value and range.</summary>
internal sealed class AwsRetryOptionsValidator : IValidateOptions<AwsRetryOptions>
{
    private static readonly TimeSpan MaxMaxDelay = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, AwsRetryOptions options)
    {
        var f = new List<string>();
        string p = $"AWS retries of HttpClient '{name ?? Options.DefaultName}'";
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            f.Add($"{p}: MaxRetryAttempts {options.MaxRetryAttempts} must be between 0 and 10.");
        }

        if (options.MaxDelay <= TimeSpan.Zero || options.MaxDelay > MaxMaxDelay)
        {
            f.Add($"{p}: MaxDelay {options.MaxDelay} must be more than zero and at most 5 minutes.");
        }

        if (options.TransientBaseDelay <= TimeSpan.Zero || options.TransientBaseDelay > options.MaxDelay)
        {
            f.Add($"{p}: TransientBaseDelay {options.TransientBaseDelay} must be more than zero and at most MaxDelay ({options.MaxDelay}).");
        }

        if (options.ThrottlingBaseDelay <= TimeSpan.Zero || options.ThrottlingBaseDelay > options.MaxDelay)
        {
            f.Add($"{p}: ThrottlingBaseDelay {options.ThrottlingBaseDelay} must be more than zero and at most MaxDelay ({options.MaxDelay}).");
        }

        if (options.RetryBudget < 0)
        {
            f.Add($"{p}: RetryBudget {options.RetryBudget} must be 0 (no budget) or more.");
        }

        if (options.TransientRetryCost < 0 || options.ThrottlingRetryCost < 0
            || (options.RetryBudget > 0 && (options.TransientRetryCost > options.RetryBudget || options.ThrottlingRetryCost > options.RetryBudget)))
        {
            f.Add($"{p}: TransientRetryCost {options.TransientRetryCost} and ThrottlingRetryCost {options.ThrottlingRetryCost} must be between 0 and RetryBudget ({options.RetryBudget}).");
        }

        return f.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(f);
    }
}
