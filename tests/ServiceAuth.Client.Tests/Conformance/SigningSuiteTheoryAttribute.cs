namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>A theory that is skipped, saying so, when the AWS signing test suite is missing and <c>CI</c> is not set.
/// In CI a missing suite leaves the theory without data, which xunit reports as a failure.</summary>
public sealed class SigningSuiteTheoryAttribute : TheoryAttribute
{
    public SigningSuiteTheoryAttribute()
    {
        if (SigningSuiteLocation.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
