namespace ServiceAuth.Client.TestUtilities;

/// <summary>A fact that is skipped, saying so, when the AWS signing test suite is missing and <c>CI</c> is not set.</summary>
public sealed class SigningSuiteFactAttribute : FactAttribute
{
    public SigningSuiteFactAttribute()
    {
        if (SigningSuiteLocation.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
