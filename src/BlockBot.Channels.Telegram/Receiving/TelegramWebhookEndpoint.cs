using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlockBot.Channels.Telegram.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// Telegram's webhook calls: the secret header must match (else 403 and nothing is read), the update is
/// recorded in the inbox before the 200, and handled after it. A crash after the 200 loses nothing; a
/// crash before it makes Telegram send the update again, and its id is recognised.
/// </summary>
public sealed class TelegramWebhookEndpoint(
    TelegramStore store,
    TelegramInboxProcessor processor,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookEndpoint> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public async Task HandleAsync(HttpContext context)
    {
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

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null || update.Id <= 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await store.RecordAsync([update], context.RequestAborted);
        processor.Wake();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private bool SecretMatches(string given)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(given));
    }
}
