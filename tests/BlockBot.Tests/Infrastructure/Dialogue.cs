using System.Diagnostics;
using Activity = Microsoft.Bot.Schema.Activity;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// Plays a conversation table against a running <see cref="BotHost"/>: each user row is sent with Bot
/// Builder's TestFlow, each bot row must be the next reply on the TestAdapter's queue — where proactive
/// replies (reminders, staff events) arrive too. At the end no reply may be left unexpected.
/// </summary>
/// <remarks>
/// Replies are read from the queue here rather than with TestFlow.AssertReply: in Bot Builder 4.23.1 its
/// timeout fires later even when the reply came, and cancelling the completed wait crashes the test host.
/// </remarks>
public static class Dialogue
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    public static async Task PlayAsync(BotHost host, params Turn[] turns)
    {
        foreach (var turn in turns)
        {
            switch (turn)
            {
                case UserTurn user:
                    await new TestFlow(host.Adapter, host.Bot).Send(user.Text).StartTestAsync();
                    break;
                case AttachmentTurn attachment:
                    await new TestFlow(host.Adapter, host.Bot).Send(new Activity
                    {
                        Type = ActivityTypes.Message,
                        Attachments = [new Attachment(attachment.ContentType, "https://files.invalid/1")],
                    }).StartTestAsync();
                    break;
                case BotTurn bot:
                    CheckReply(host, bot, await NextReplyAsync(host, bot.Expected.Description));
                    break;
                case TimeTurn time:
                    host.Clock.Advance(time.Duration);
                    break;
                case StaffTurn staff:
                    var tickets = await host.StaffDesk.ListActiveAsync(CancellationToken.None);
                    Assert.True(tickets.Count > 0, $"Staff were to {staff.Description} a ticket, but none is active.");
                    var result = await staff.Act(host.StaffDesk, tickets[^1]);
                    Assert.True(result.Succeeded, $"Staff could not {staff.Description}: {result.Message}");
                    break;
                case CheckTurn check:
                    await host.WaitForIdleAsync();
                    await check.Verify(host);
                    break;
            }
        }

        await host.WaitForIdleAsync();
        var extra = host.Adapter.GetNextReply();
        Assert.True(extra is null, $"The bot said more than the table expects: {(extra as IMessageActivity)?.Text}");
    }

    private static async Task<IActivity> NextReplyAsync(BotHost host, string expected)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < ReplyTimeout)
        {
            if (host.Adapter.GetNextReply() is { } reply)
            {
                return reply;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"The bot said nothing within {ReplyTimeout.TotalSeconds} s; expected {expected}.");
        throw new UnreachableException();
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
