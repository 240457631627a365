using System.Text.Json;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// getUpdates with each update left as the JSON received. The library's own request reads the whole batch into
/// its types, so one update it cannot read (a field shape newer than the library) fails the batch; this way each
/// update is read on its own (<see cref="Inbox.TelegramUpdateReader"/>), and the client still does the call and its errors.
/// </summary>
public sealed class GetRawUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    public long? Offset { get; init; }

    public int? Limit { get; init; }

    public int? Timeout { get; init; }

    public IEnumerable<UpdateType>? AllowedUpdates { get; init; }
}
