using BlockBot.Channels.Bitrix24.Staff;
using Microsoft.Extensions.Logging;

namespace BlockBot.Channels.Bitrix24.Events;

/// <summary>
/// The one place that decides what an event is for: staff-chat events go to the staff commands; in open-line chats
/// only the customer's own messages (the connector's user, not operators, not system messages) become turns, a
/// choice button press becomes a message carrying the choice, and the bot joining greets. An event already handled
/// (delivered twice) is skipped: here cheaply, and for a customer's turn once more inside it, under the
/// conversation's lock, where the mark is saved with the turn (<see cref="Bitrix24Adapter"/>).
/// </summary>
public sealed class Bitrix24EventRouter(
    Bitrix24Adapter adapter,
    Bitrix24StaffCommands staff,
    IBitrix24Store store,
    ILogger<Bitrix24EventRouter> logger)
{
    public async Task RouteAsync(Bitrix24Event inbound, CancellationToken cancellationToken)
    {
        if (await store.WasProcessedAsync(inbound.Key, cancellationToken))
        {
            logger.LogInformation("Bitrix24 event {EventKey} was already handled", inbound.Key);
            return;
        }

        await HandleAsync(inbound, cancellationToken);
        await store.MarkProcessedAsync(inbound.Key, cancellationToken);
    }

    private Task HandleAsync(Bitrix24Event inbound, CancellationToken cancellationToken)
    {
        switch (inbound.Kind)
        {
            case Bitrix24EventKind.Message or Bitrix24EventKind.Command when staff.IsStaffChat(inbound):
                return staff.HandleAsync(inbound, cancellationToken);
            case Bitrix24EventKind.Message when IsCustomer(inbound):
                return adapter.ProcessMessageAsync(inbound, inbound.Text, cancellationToken);
            case Bitrix24EventKind.Command when IsCustomer(inbound) && inbound.Command == Bitrix24MessageFormatter.ChoiceCommand
                                                && inbound.CommandContext is not "textarea" && !string.IsNullOrEmpty(inbound.CommandParams):
                return adapter.ProcessMessageAsync(inbound, inbound.CommandParams!, cancellationToken);
            case Bitrix24EventKind.Join when inbound.IsOpenLine:
                return adapter.ProcessJoinAsync(inbound, cancellationToken);
            case Bitrix24EventKind.BotDeleted:
                logger.LogError("The Bitrix24 bot was deleted on the portal; restart the bot to register it again");
                return Task.CompletedTask;
            default:
                logger.LogDebug("Ignoring Bitrix24 {Type} in {DialogId} from user {UserId}", inbound.Type, inbound.DialogId, inbound.UserId);
                return Task.CompletedTask;
        }
    }

    private static bool IsCustomer(Bitrix24Event inbound) =>
        inbound.IsOpenLine && inbound.IsConnectorUser && !inbound.IsBotUser && !inbound.IsSystem;
}
