using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Conversation;

/// <summary>Each test talks to a freshly started bot on its own SQLite file, with a clock it moves itself.</summary>
public abstract class ConversationTestBase : IAsyncLifetime
{
    protected TempDatabase Database { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(BotHost.Start);

    protected BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BotHost.StartAsync(Database, Clock);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }

    protected Task PlayAsync(params Turn[] turns) => Dialogue.PlayAsync(Host, turns);
}
