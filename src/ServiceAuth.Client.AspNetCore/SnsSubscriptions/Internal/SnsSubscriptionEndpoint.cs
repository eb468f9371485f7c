using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.SnsMessages;

namespace ServiceAuth.Client.AspNetCore.SnsSubscriptions.Internal;

/// <summary>
/// An HTTPS subscription endpoint as SNS expects it: a POST whose body is an envelope is verified (every one); a
/// SubscriptionConfirmation of an allowed topic is confirmed by a GET of its checked <c>SubscribeURL</c>; a
/// Notification goes to the application; 200 means done. A refused envelope gets 400 (413 when too large) with the
/// reason as text, never a 5xx, so nothing an attacker sends looks like a server fault. Confirmation failures answer
/// 502 so that SNS sends the confirmation again.
/// </summary>
internal sealed class SnsSubscriptionEndpoint(Func<VerifiedSnsMessage, HttpContext, Task> onNotification)
{
    private const string MessageTypeHeader = "x-amz-sns-message-type";

    public async Task HandleAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ServiceAuth.Client.AspNetCore.SnsSubscriptions");
        int limit = services.GetRequiredService<IOptions<SnsMessageVerifierOptions>>().Value.MaxEnvelopeBytes;
        string? body = await ReadAsync(context.Request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(context, logger, StatusCodes.Status413PayloadTooLarge, $"{SnsMessageVerificationFailure.EnvelopeTooLarge}: the body is larger than {limit} bytes").ConfigureAwait(false);
            return;
        }

        SnsMessageVerificationResult result = await services.GetRequiredService<ISnsMessageVerifier>().VerifyAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (result.Message is not { } message)
        {
            int status = result.Failure == SnsMessageVerificationFailure.EnvelopeTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            await RefuseAsync(context, logger, status, $"{result.Failure}: {result.Detail}").ConfigureAwait(false);
            return;
        }

        string? declared = context.Request.Headers[MessageTypeHeader];
        if (declared is not null && declared != message.Type.ToString())
        {
            await RefuseAsync(context, logger, StatusCodes.Status400BadRequest, $"the {MessageTypeHeader} header does not match the envelope's Type").ConfigureAwait(false);
            return;
        }

        switch (message.Type)
        {
            case SnsMessageType.SubscriptionConfirmation:
                await ConfirmAsync(context, logger, message).ConfigureAwait(false);
                break;
            case SnsMessageType.UnsubscribeConfirmation:
                SnsSubscriptionLog.Unsubscribed(logger, message.TopicArn);
                context.Response.StatusCode = StatusCodes.Status200OK;
                break;
            default:
                await onNotification(message, context).ConfigureAwait(false);
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status200OK;
                }

                break;
        }
    }

    private static async Task ConfirmAsync(HttpContext context, ILogger logger, VerifiedSnsMessage message)
    {
        HttpClient client = context.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient(SnsMessageVerifierServiceCollectionExtensions.CertificateClientName);
        try
        {
            using HttpResponseMessage answer = await client.GetAsync(message.SubscribeUrl, context.RequestAborted).ConfigureAwait(false);
            if (answer.IsSuccessStatusCode)
            {
                SnsSubscriptionLog.Confirmed(logger, message.TopicArn);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            SnsSubscriptionLog.ConfirmFailed(logger, message.TopicArn, $"SNS answered {(int)answer.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            SnsSubscriptionLog.ConfirmFailed(logger, message.TopicArn, ex.GetType().Name);
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }

    private static async Task RefuseAsync(HttpContext context, ILogger logger, int status, string reason)
    {
        SnsSubscriptionLog.Refused(logger, context.Request.Path, status, reason);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the body as UTF-8 text, or <see langword="null"/> past <paramref name="limit"/> bytes (unread beyond it).</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        byte[] buffer = new byte[Math.Min(limit + 1, (int?)request.ContentLength + 1 ?? 81_920)];
        int total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return null;
            }

            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
