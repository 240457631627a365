using BlockBot.Conversation.State;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Storage;

/// <summary>
/// The bot's conversation and user state is saved with the turn when the turn changed it, and only then: a turn that
/// merely reads its state leaves the stored rows as they were.
/// </summary>
public sealed class TurnSavedStateTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_turn_that_only_reads_its_state_writes_no_row_and_a_turn_that_changes_one_writes_that_one()
    {
        var factory = await _database.MigrateAsync();
        var storage = new SqlStorage(factory, _time, NullLogger<SqlStorage>.Instance);
        var store = TempDatabase.TurnStoreOn(factory, storage);
        var conversation = new TurnSavedConversationState(storage);
        var user = new TurnSavedUserState(storage);
        var stage = conversation.CreateProperty<PocoItem>("stage");
        var visits = user.CreateProperty<PocoItem>("visits");

        await TurnAsync(async turn =>
        {
            (await stage.GetAsync(turn, () => new PocoItem(), CancellationToken.None)).Count = 1;
            (await visits.GetAsync(turn, () => new PocoItem(), CancellationToken.None)).Count = 1;
        });
        var firstSaved = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(1));
        await TurnAsync(async turn =>
        {
            Assert.Equal(1, (await stage.GetAsync(turn, () => new PocoItem(), CancellationToken.None)).Count);
            Assert.Equal(1, (await visits.GetAsync(turn, () => new PocoItem(), CancellationToken.None)).Count);
        });

        Assert.Equal(firstSaved, await SavedAtAsync(conversation));
        Assert.Equal(firstSaved, await SavedAtAsync(user));

        _time.Advance(TimeSpan.FromMinutes(1));
        await TurnAsync(async turn =>
        {
            await stage.GetAsync(turn, () => new PocoItem(), CancellationToken.None);
            (await visits.GetAsync(turn, () => new PocoItem(), CancellationToken.None)).Count = 2;
        });

        Assert.Equal(firstSaved, await SavedAtAsync(conversation));
        Assert.Equal(_time.GetUtcNow(), await SavedAtAsync(user));
        await TurnAsync(async turn => Assert.Equal(2, (await visits.GetAsync(turn, () => new PocoItem(), CancellationToken.None)).Count));

        async Task TurnAsync(Func<ITurnContext, Task> body)
        {
            using var turn = new TurnContext(new TestAdapter(), Message());
            await body(turn);
            await conversation.SaveChangesAsync(turn);
            await user.SaveChangesAsync(turn);
            await store.SaveAsync(turn.UnitOfWork(), CancellationToken.None);
        }

        async Task<DateTimeOffset> SavedAtAsync(IStateWithStorageKey state)
        {
            using var turn = new TurnContext(new TestAdapter(), Message());
            await using var connection = await factory.OpenAsync(CancellationToken.None);
            var updatedAt = await connection.QuerySingleAsync<string>(
                "SELECT updated_at FROM bot_state WHERE key = @Key", new { Key = state.StorageKeyOf(turn) });
            return DateTimeOffset.Parse(updatedAt, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(id: "conversation-1"),
        From = new ChannelAccount(id: "customer-1"),
        Recipient = new ChannelAccount(id: "bot"),
        Text = "hello",
    };
}
