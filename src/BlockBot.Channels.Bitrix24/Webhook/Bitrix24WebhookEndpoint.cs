using System.Security.Cryptography;
using System.Text;
using BlockBot.Channels.Bitrix24.Events;
using BlockBot.Channels.Bitrix24.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Webhook;

/// <summary>
/// Webhook mode: the portal POSTs each event form-encoded (<c>data[message][text]=…</c>). The top-level
/// <c>auth[application_token]</c> must equal the configured one (401 otherwise, nothing handled); a payload that is
/// not a readable event gets 400. The answer is sent once the turn has finished.
/// </summary>
public sealed class Bitrix24WebhookEndpoint(
    Bitrix24EventRouter router,
    Bitrix24Bot bot,
    IOptions<Bitrix24Options> options,
    ILogger<Bitrix24WebhookEndpoint> logger)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(options.Value.ApplicationToken ?? string.Empty);

    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!http.Request.HasFormContentType)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var token = form["auth[application_token]"].ToString();
        if (_token.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token))
        {
            logger.LogWarning("A Bitrix24 event from {RemoteIp} carried a wrong or no application token; refused", http.Connection.RemoteIpAddress);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Bitrix24Event inbound;
        try
        {
            var payload = PhpQuery.Decode(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())));
            var type = JsonRead.Text(payload["event"]);
            if (string.IsNullOrEmpty(type) || payload["data"] is not System.Text.Json.Nodes.JsonObject data)
            {
                throw new FormatException("The event has no type or no data.");
            }

            inbound = Bitrix24EventParser.Parse(type, data, eventId: null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            logger.LogWarning("A Bitrix24 event was malformed: {Problem}", e.Message);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await bot.IdAsync(cancellationToken);
        await router.RouteAsync(inbound, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }
}
