namespace ServiceAuth.Client.Testing;

internal static class Placeholder
{
}
