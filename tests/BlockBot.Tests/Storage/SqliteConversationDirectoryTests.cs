using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Sqlite;
using Dapper;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Storage;

public sealed class SqliteConversationDirectoryTests : IDisposable
{
    private static readonly CustomerId Customer = new("telegram", "42");

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_saved_reference_is_found_again_with_every_field()
    {
        var directory = await CreateDirectoryAsync();
        var reference = Reference("chat-1", "message-7");

        await directory.SaveAsync(Customer, reference, CancellationToken.None);
        var found = await directory.FindAsync(Customer, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(
            (reference.ChannelId, reference.ServiceUrl, reference.Locale, reference.ActivityId, reference.Conversation.Id, reference.Conversation.IsGroup, reference.User.Id, reference.User.Name, reference.Bot.Id),
            (found.ChannelId, found.ServiceUrl, found.Locale, found.ActivityId, found.Conversation.Id, found.Conversation.IsGroup, found.User.Id, found.User.Name, found.Bot.Id));
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        var directory = await CreateDirectoryAsync();

        Assert.Null(await directory.FindAsync(new CustomerId("telegram", "nobody"), CancellationToken.None));
    }

    [Fact]
    public async Task Saving_again_replaces_the_reference_and_records_when()
    {
        var factory = await _database.MigrateAsync();
        var directory = new SqlConversationDirectory(factory, _time);
        await directory.SaveAsync(Customer, Reference("chat-1", "old"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        await directory.SaveAsync(Customer, Reference("chat-2", "new"), CancellationToken.None);

        Assert.Equal("chat-2", (await directory.FindAsync(Customer, CancellationToken.None))?.Conversation.Id);
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string ChannelId, string UpdatedAt)>(
            "SELECT channel_id, updated_at FROM conversation_references WHERE customer_key = @Key", new { Customer.Key });
        Assert.Equal(("telegram", "2025-06-01T10:05:00.0000000+00:00"), row);
    }

    [Fact]
    public async Task Customers_are_kept_apart_by_channel_and_user()
    {
        var directory = await CreateDirectoryAsync();
        var sameUserOtherChannel = new CustomerId("bitrix24", "42");
        await directory.SaveAsync(Customer, Reference("telegram-chat", "1"), CancellationToken.None);
        await directory.SaveAsync(sameUserOtherChannel, Reference("bitrix-chat", "2"), CancellationToken.None);

        Assert.Equal("telegram-chat", (await directory.FindAsync(Customer, CancellationToken.None))?.Conversation.Id);
        Assert.Equal("bitrix-chat", (await directory.FindAsync(sameUserOtherChannel, CancellationToken.None))?.Conversation.Id);
    }

    [Fact]
    public async Task Delete_forgets_the_customer_and_unknown_customers_are_fine()
    {
        var directory = await CreateDirectoryAsync();
        await directory.SaveAsync(Customer, Reference("chat-1", "1"), CancellationToken.None);

        await directory.DeleteAsync(Customer, CancellationToken.None);
        await directory.DeleteAsync(new CustomerId("telegram", "nobody"), CancellationToken.None);

        Assert.Null(await directory.FindAsync(Customer, CancellationToken.None));
    }

    [Fact]
    public async Task A_reference_survives_reopening_the_file()
    {
        await (await CreateDirectoryAsync()).SaveAsync(Customer, Reference("chat-1", "1"), CancellationToken.None);
        _database.ClearSqlitePools();

        var reopened = new SqlConversationDirectory(_database.CreateFactory(), _time);

        Assert.Equal("chat-1", (await reopened.FindAsync(Customer, CancellationToken.None))?.Conversation.Id);
    }

    private async Task<IConversationDirectory> CreateDirectoryAsync() =>
        new SqlConversationDirectory(await _database.MigrateAsync(), _time);

    private static ConversationReference Reference(string conversationId, string activityId) => new()
    {
        ChannelId = Customer.ChannelId,
        ServiceUrl = "https://telegram.invalid/",
        Locale = "ru-RU",
        ActivityId = activityId,
        Conversation = new ConversationAccount(isGroup: false, id: conversationId),
        User = new ChannelAccount(id: Customer.UserId, name: "Анна \"client\""),
        Bot = new ChannelAccount(id: "bot-1", name: "BlockBot"),
    };
}
