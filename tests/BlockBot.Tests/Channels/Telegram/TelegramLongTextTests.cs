using System.Globalization;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>A message longer than Telegram's 4,096 characters reaches the customer whole, as several messages.</summary>
public sealed class TelegramLongTextTests : IDisposable
{
    private const long Customer = 46;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_staff_message_of_ten_thousand_characters_arrives_as_paragraph_split_messages_in_order()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, TelegramFlows.Fast());
        var customer = new CustomerId("telegram", Customer.ToString(CultureInfo.InvariantCulture));
        await bot.Services.GetRequiredService<IConversationDirectory>().SaveAsync(customer, new ConversationReference
        {
            ChannelId = "telegram",
            User = new ChannelAccount(customer.UserId),
            Bot = new ChannelAccount(FakeBotApi.BotId.ToString(CultureInfo.InvariantCulture)),
            Conversation = new ConversationAccount(isGroup: false, id: customer.UserId),
            ServiceUrl = fake.Url,
        }, CancellationToken.None);

        // Escaping makes the HTML longer than the text; Telegram counts the text, so the parts are cut on the text.
        var paragraphs = Enumerable.Range(1, 5)
            .Select(i => $"Абзац {i}: " + string.Concat(Enumerable.Repeat($"строка <{i}> & ещё. ", 112)).TrimEnd())
            .ToList();
        var text = string.Join("\n\n", paragraphs);
        Assert.InRange(text.Length, 10_000, 12_000);
        Assert.Equal(EventDelivery.Delivered, await bot.Services.GetRequiredService<IConversationEvents>().DispatchAsync(
            customer, EventNames.StaffMessage, new Dictionary<string, string> { ["staff"] = "Anna", ["text"] = text }, deliveryId: null, CancellationToken.None));

        await fake.WaitUntilAsync(f => f.SentTo(Customer).Count >= 3, "the parts of the long message");
        await fake.WaitUntilAsync(_ => OutboxIsEmpty(), "the outbox to be empty");
        var parts = fake.SentTo(Customer).Select(m => m.Text).ToList();

        Assert.All(parts, p => Assert.InRange(p.Length, 1, FakeBotApi.MaxTextLength));
        Assert.Equal("Anna (поддержка): " + text, string.Join("\n\n", parts));
        Assert.Equal(3, parts.Count);
        Assert.All(parts.Skip(1), p => Assert.StartsWith("Абзац ", p, StringComparison.Ordinal));
    }

    public void Dispose() => _database.Dispose();

    private bool OutboxIsEmpty()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM telegram_outbox";
        return (long)command.ExecuteScalar()! == 0;
    }
}
