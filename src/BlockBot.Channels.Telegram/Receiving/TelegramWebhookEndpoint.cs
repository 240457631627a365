using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// Telegram's webhook calls: the secret header must match (else 403 and nothing is read), a body over
/// <c>MaxUpdateBytes</c> gets 413 (and no more of it is read), one that is not JSON 400. Any JSON is taken
/// (<see cref="TelegramUpdateIntake"/>): recorded in the inbox, or quarantined when it cannot be handled, before the
/// 200, and handled after it. A crash after the 200 loses nothing; a crash before it makes Telegram send the update
/// again, and its id is recognised.
/// </summary>
public sealed class TelegramWebhookEndpoint(
    TelegramUpdateIntake intake,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookEndpoint> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private const int ReadSize = 16 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString()))
        {
            logger.LogWarning("A webhook call from {RemoteIp} had a missing or wrong secret; refused", context.Connection.RemoteIpAddress);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var limit = options.Value.MaxUpdateBytes;
        if (context.Request.ContentLength > limit)
        {
            TooLarge(context, context.Request.ContentLength.Value);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            // A body without a length is cut off by the server too, not only by the read below.
            serverLimit.MaxRequestBodySize = limit;
        }

        using var body = await ReadAtMostAsync(context.Request.Body, limit, context.RequestAborted);
        if (body is null)
        {
            TooLarge(context, null);
            return;
        }

        JsonDocument update;
        try
        {
            update = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using (update)
        {
            await intake.TakeAsync([update.RootElement], context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The body, or null as soon as it is found to be longer than <paramref name="limit"/>.</summary>
    private static async Task<MemoryStream?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ReadSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ReadSize), cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await buffer.DisposeAsync();
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await buffer.DisposeAsync();
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private void TooLarge(HttpContext context, long? length)
    {
        logger.LogWarning(
            "A webhook call of {Length} bytes is over {Key} ({Limit}); refused with 413",
            length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "more than that",
            TelegramOptions.MaxUpdateBytesKey,
            options.Value.MaxUpdateBytes);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }

    private bool SecretMatches(string given)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(given));
    }
}
