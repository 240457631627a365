using BlockBot.Conversation.State;
using BlockBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Storage;

/// <summary>
/// BotState saves without an ETag, so the product pipeline must run the turns of one conversation one
/// at a time: concurrent turns that each add to the conversation's state must all be kept.
/// </summary>
public sealed class ConcurrentTurnTests : IAsyncLifetime
{
    private TempDatabase Database { get; } = new();
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(Database, new FakeTimeProvider(BotHost.Start));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Database.Dispose();
    }

    [Fact]
    public async Task Concurrent_turns_of_one_conversation_lose_no_update()
    {
        const int turns = 20;
        var state = _host.Services.GetRequiredService<BotStateAccessors>();
        var seen = state.ConversationState.CreateProperty<List<string>>("seen");

        async Task RecordAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            var list = await seen.GetAsync(turn, () => [], cancellationToken);

            // Give a competing turn every chance to read the same state before this one writes.
            await Task.Delay(5, cancellationToken);
            list.Add(turn.Activity.Text);
        }

        await Task.WhenAll(Enumerable.Range(0, turns).Select(i => Task.Run(() => _host.Adapter.ProcessActivityAsync(Message($"turn {i}"), RecordAsync, CancellationToken.None))));

        List<string>? stored = null;
        await _host.Adapter.ProcessActivityAsync(Message("read"), async (turn, ct) => stored = await seen.GetAsync(turn, () => [], ct), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, turns).Select(i => $"turn {i}").Order(), stored!.Order());
    }

    private Activity Message(string text)
    {
        var activity = _host.Adapter.MakeActivity(text);
        activity.Id = Guid.NewGuid().ToString("N");
        return activity;
    }
}
