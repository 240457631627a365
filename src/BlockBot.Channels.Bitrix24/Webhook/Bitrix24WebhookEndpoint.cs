using System.Security.Cryptography;
using System.Text;
using BlockBot.Channels.Bitrix24.Events;
using BlockBot.Channels.Bitrix24.Rest;
using BlockBot.Conversation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BlockBot.Channels.Bitrix24.Webhook;

/// <summary>
/// Webhook mode: the portal POSTs each event form-encoded (<c>data[message][text]=…</c>). The token travels inside
/// the form, so the form is read first, but only a url-encoded one, at most <see cref="MaxEventBytes"/> and within
/// <see cref="FormLimits"/>: anything else is answered 400 (413 when too large) with at most one log line. Then the
/// top-level <c>auth[application_token]</c> must equal the configured one (401 otherwise, nothing handled); a payload
/// that is not a readable event gets 400. The answer is sent once the turn has finished.
/// </summary>
public sealed class Bitrix24WebhookEndpoint(
    Bitrix24EventRouter router,
    Bitrix24Bot bot,
    IOptions<Bitrix24Options> options,
    ILogger<Bitrix24WebhookEndpoint> logger)
{
    /// <summary>Real events are a few kilobytes; a body larger than this is refused before it is buffered.</summary>
    public const long MaxEventBytes = 1024 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 1024,
        KeyLengthLimit = 1024,
        ValueLengthLimit = (int)MaxEventBytes,
        BufferBody = false,
    };

    private readonly byte[] _token = Encoding.UTF8.GetBytes(options.Value.ApplicationToken ?? string.Empty);

    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var form = await ReadFormAsync(http, cancellationToken);
        if (form is null)
        {
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
            logger.LogWarning("A Bitrix24 event was malformed: {Problem}", VisibleText.Escape(e.Message));
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await bot.IdAsync(cancellationToken);
        await router.RouteAsync(inbound, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <returns>The form, or null when the request was answered already (not a url-encoded form, too large, unreadable).</returns>
    private async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        if (http.Request.ContentLength > MaxEventBytes)
        {
            return Refused(http, StatusCodes.Status413PayloadTooLarge, "is larger than the limit");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxEventBytes;
        }

        try
        {
            return await http.Request.ReadFormAsync(FormLimits, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return Refused(http, e.StatusCode, "could not be read");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DecoderFallbackException)
        {
            return Refused(http, StatusCodes.Status400BadRequest, "is not a readable form");
        }
    }

    private IFormCollection? Refused(HttpContext http, int status, string problem)
    {
        logger.LogWarning("A Bitrix24 event body from {RemoteIp} {Problem}; answered {Status}", http.Connection.RemoteIpAddress, problem, status);
        http.Response.StatusCode = status;
        return null;
    }
}
