using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// Brings a named event (a scheduled one, a staff decision) into the conversation: a staff message is said whatever the
/// step; otherwise the innermost parked step that lists the event moves on, dialogs stacked above it abandoned; an
/// event nothing waits for is told by its <c>event_*</c> text if there is one, else ignored.
/// </summary>
internal sealed class EventReceiver(DialogRunner runner, ILogger<EventReceiver> logger)
{
    public async Task ReceiveAsync(Turn turn, string eventName, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (eventName == StaffMessageEvent.Name)
        {
            await turn.SayAsync(TextKeys.StaffMessage, cancellationToken, values);
            return;
        }

        for (var level = turn.State.Stack.Count - 1; level >= 0; level--)
        {
            var frame = turn.State.Stack[level];
            if (!turn.Dialogs.Dialogs.TryGetValue(frame.DialogId, out var dialog) || frame.StepIndex >= dialog.Steps.Count)
            {
                continue;
            }

            if (dialog.Steps[frame.StepIndex] is not IAwaitsEvents awaits || !awaits.Events.TryGetValue(eventName, out var target))
            {
                continue;
            }

            // Dialogs stacked above the one waiting for this event are abandoned: the event moves the conversation on.
            turn.State.Stack.RemoveRange(level + 1, turn.State.Stack.Count - level - 1);
            foreach (var (key, value) in values)
            {
                turn.State.Values[key] = value;
            }

            turn.State.ResetMisses();
            frame.StepIndex = dialog.IndexOf(target);
            logger.LogInformation("Event {EventName} moved {Customer} to {DialogId}/{StepId}", eventName, turn.Customer, dialog.Id, target);
            await runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        if (turn.Dialogs.Texts.TryGetValue(TextKeys.Event(eventName), out var notice))
        {
            await turn.SayAsync(notice, cancellationToken, values);
            return;
        }

        logger.LogInformation("Event {EventName} for {Customer} matched no waiting step and was ignored", eventName, turn.Customer);
    }
}
