using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// Plays a conversation table against a running <see cref="BotHost"/> with Bot Builder's TestFlow:
/// each user row is sent, each bot row must be the next reply. Time and staff rows run between flows;
/// proactive replies (reminders, staff events) arrive on the same queue and are asserted the same way.
/// At the end no reply may be left unexpected.
/// </summary>
public static class Dialogue
{
    private const uint ReplyTimeoutMs = 10_000;

    public static async Task PlayAsync(BotHost host, params Turn[] turns)
    {
        var flow = new TestFlow(host.Adapter, host.Bot);
        foreach (var turn in turns)
        {
            switch (turn)
            {
                case UserTurn user:
                    flow = flow.Send(user.Text);
                    break;
                case AttachmentTurn attachment:
                    flow = flow.Send(new Activity
                    {
                        Type = ActivityTypes.Message,
                        Attachments = [new Attachment(attachment.ContentType, "https://files.invalid/1")],
                    });
                    break;
                case BotTurn bot:
                    flow = flow.AssertReply(activity => CheckReply(host, bot, activity), bot.Expected.Description, ReplyTimeoutMs);
                    break;
                case TimeTurn time:
                    await flow.StartTestAsync();
                    host.Clock.Advance(time.Duration);
                    flow = new TestFlow(host.Adapter, host.Bot);
                    break;
                case StaffTurn staff:
                    await flow.StartTestAsync();
                    var tickets = await host.StaffDesk.ListActiveAsync(CancellationToken.None);
                    Assert.True(tickets.Count > 0, $"Staff were to {staff.Description} a ticket, but none is active.");
                    var result = await staff.Act(host.StaffDesk, tickets[^1]);
                    Assert.True(result.Succeeded, $"Staff could not {staff.Description}: {result.Message}");
                    flow = new TestFlow(host.Adapter, host.Bot);
                    break;
                case CheckTurn check:
                    await flow.StartTestAsync();
                    await host.WaitForIdleAsync();
                    await check.Verify(host);
                    flow = new TestFlow(host.Adapter, host.Bot);
                    break;
            }
        }

        await flow.StartTestAsync();
        await host.WaitForIdleAsync();
        var extra = host.Adapter.GetNextReply();
        Assert.True(extra is null, $"The bot said more than the table expects: {(extra as IMessageActivity)?.Text}");
    }

    private static void CheckReply(BotHost host, BotTurn expected, IActivity activity)
    {
        var message = activity.AsMessageActivity();
        Assert.NotNull(message);
        var language = string.IsNullOrEmpty(message.Locale) ? "ru" : message.Locale;
        expected.Expected.Check(host.Dialogs, language, message.Text ?? string.Empty);
        if (expected.Buttons.Count > 0)
        {
            var offered = message.SuggestedActions?.Actions?.Select(a => a.Value?.ToString() ?? string.Empty).ToList() ?? [];
            Assert.Equal(expected.Buttons, offered);
        }
    }
}
