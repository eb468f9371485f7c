using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>Assertions on answers of a <see cref="LocalAwsEndpoint"/> whose failure messages say why access was denied
/// (<see cref="LocalAwsEndpoint.LastDenial"/>): the statement that denied, or the condition that failed.</summary>
internal static class AccessAssertions
{
    public static async Task ShouldBeAllowedAsync(this HttpResponseMessage response, LocalAwsEndpoint endpoint)
    {
        string body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode} {body}\nWhy: {endpoint.LastDenial ?? "no policy denied it"}");
    }

    public static async Task ShouldBeDeniedAsync(this HttpResponseMessage response, LocalAwsEndpoint endpoint, string because)
    {
        string body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeInRange(400, 403, body);
        (endpoint.LastDenial ?? string.Empty).ShouldContain(because, Case.Sensitive, $"{(int)response.StatusCode} {body}\nWhy: {endpoint.LastDenial}");
    }
}
