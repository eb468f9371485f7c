using Amazon.Runtime;

namespace ServiceAuth.Client.Tests.Support;

public static class TestCredentials
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public static readonly string SessionToken = "IQoJb3JpZ2luX2VjE" + new string('T', 780) + "SESSIONTOKENEND";

    public static ImmutableCredentials Immutable(bool withToken = true) => new(AccessKey, SecretKey, withToken ? SessionToken : null);

    public static AWSCredentials Session() => new SessionAWSCredentials(AccessKey, SecretKey, SessionToken);
}
