using System.Text.Json.Serialization;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>The documented shapes: <c>{"GetCallerIdentityResponse":{"GetCallerIdentityResult":{"Account","Arn","UserId"},…}}</c>
/// and <c>{"Error":{"Code",…},…}</c>. Other members are ignored; the three result members are required.</summary>
internal static class StsJsonShapes
{
    internal sealed class Envelope
    {
        [JsonRequired]
        public ResponseBody? GetCallerIdentityResponse { get; set; }
    }

    internal sealed class ResponseBody
    {
        [JsonRequired]
        public ResultBody? GetCallerIdentityResult { get; set; }
    }

    internal sealed class ResultBody
    {
        [JsonRequired]
        public string? Account { get; set; }

        [JsonRequired]
        public string? Arn { get; set; }

        [JsonRequired]
        public string? UserId { get; set; }
    }

    internal sealed class ErrorEnvelope
    {
        public ErrorBody? Error { get; set; }
    }

    internal sealed class ErrorBody
    {
        public string? Code { get; set; }
    }
}
