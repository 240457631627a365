using System.Diagnostics;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Polling hands updates to their turns in memory and confirms them once saved (ADR 0029): an update whose handling
/// hangs must not hold up other chats, and one Telegram serves again after it was saved is not handled again.
/// </summary>
public sealed class TelegramPollingHandOverTests : IDisposable
{
    private const long Customer = 42;
    private const long StrangerGroup = -555;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task An_update_whose_handling_hangs_holds_up_no_other_chat_and_is_handled_once_when_it_ends()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database);
        var chat = new ChatReader(fake, bot, Customer);
        var release = fake.Hold("leaveChat");

        // The bot leaves a group that is not the staff group; that call gets no answer for now.
        fake.Enqueue(Updates.Text(StrangerGroup, 77, "hello bot"));
        await fake.WaitUntilAsync(f => f.Holding == 1, "the bot to be leaving the stranger group");
        fake.Enqueue(Updates.Text(Customer, Customer, "/start"));
        await chat.NextAsync("menu", "greet");
        await chat.NextAsync("menu", "choose", "blocked", "causes", "refused", "appeal", "operator");
        Assert.Equal(1, fake.Holding);

        release();
        await bot.HandledAllAsync(fake, "every update to be handled");
        Assert.Single(fake.Calls, c => c.Method == "leaveChat" && c.Body["chat_id"]!.GetValue<long>() == StrangerGroup);
        Assert.Equal(2, fake.SentTo(Customer).Count);
    }

    [Fact]
    public async Task An_update_served_again_after_its_turn_was_saved_is_not_answered_again()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var start = Updates.Text(Customer, Customer, "/start");
        await using (var first = await TelegramBot.StartAsync(fake, _database))
        {
            var chat = new ChatReader(fake, first, Customer);
            fake.Enqueue(start);
            await chat.NextAsync("menu", "greet");
            await chat.NextAsync("menu", "choose", "blocked", "causes", "refused", "appeal", "operator");
            await first.HandledAllAsync(fake, "the greeting to be saved");
        }

        // As if the first bot had stopped after the turn was saved and before the next getUpdates confirmed it.
        fake.Redeliver(start);
        await using var second = await TelegramBot.StartAsync(fake, _database);
        await second.HandledAllAsync(fake, "the update served again to be taken");
        fake.Enqueue(Updates.Text(Customer, Customer, "/start"));
        await fake.WaitUntilAsync(f => f.SentTo(Customer).Count >= 4, "the greeting for the second /start");
        await second.HandledAllAsync(fake, "every update to be handled");
        var outbox = second.Services.GetRequiredService<ITelegramStore>();
        var sending = Stopwatch.StartNew();
        while ((await outbox.PendingOutgoingAsync(1, CancellationToken.None)).Count > 0)
        {
            Assert.True(sending.Elapsed < TimeSpan.FromSeconds(30), "Timed out waiting for the outbox to be sent.");
            await Task.Delay(20);
        }
        Assert.Equal(4, fake.SentTo(Customer).Count);
    }

    public void Dispose() => _database.Dispose();
}
