using BlockBot.Channels.Telegram;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Transcripts;
using BlockBot.Tests.Channels.Telegram.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BlockBot.Tests.Infrastructure.ExpectedLine;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>On Telegram the transcript holds a pressed button as its value and a photo as a marker, with the bot's replies between.</summary>
public sealed class TelegramTranscriptTests : IDisposable
{
    private const long Customer = 42;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_typed_message_a_button_press_and_a_photo_are_kept_with_the_replies_in_order()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?> { ["BlockBot:Telegram:ChatMessagesPerSecond"] = "100" });
        var chat = new ChatReader(fake, bot, Customer);

        await TelegramFlows.PressBlockedInTheMenuAsync(fake, chat, Customer);
        fake.Enqueue(Updates.Photo(Customer, Customer));
        await chat.NextAsync(Expected.Text("non_text"));
        await chat.NextAsync("blocked", "ask_line");

        var lines = await bot.Services.GetRequiredService<ITranscriptReader>()
            .ListForCustomerAsync(new CustomerId(TelegramAdapter.Channel, Customer.ToString(System.Globalization.CultureInfo.InvariantCulture)), 200, null, CancellationToken.None);

        ExpectedLine.AssertAll(
            bot.Dialogs,
            [
                In("/start"), Out("menu", "greet"), Out("menu", "choose"),
                In("blocked"), Out("blocked", "intro"), Out("blocked", "rule"), Out("blocked", "ask_line"),
                In("[photo]"), Out(Expected.Text("non_text")), Out("blocked", "ask_line"),
            ],
            lines);
    }

    public void Dispose() => _database.Dispose();
}
