namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>The shape of an AWS region name (<c>eu-west-1</c>, <c>us-gov-west-1</c>, <c>cn-north-1</c>), checked the
/// same way by the signer's endpoint inference, the assume-role validation and the SNS topic ARN parser.</summary>
internal static class AwsRegion
{
    public static bool IsValid(string value) =>
        value.Length is >= 9 and <= 32 && value.Count(c => c == '-') >= 2 && char.IsAsciiDigit(value[^1]) &&
        value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
