using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BlockBot.Channels.WebChat;
using BlockBot.Channels.WebChat.Retention;
using BlockBot.Storage.Channels.WebChat;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static BlockBot.Tests.Channels.WebChat.DirectLineTestClient;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>
/// Web chat activities past <c>BlockBot:Retention:WebChat</c> are deleted in batches, newer ones kept, and a conversation
/// left with nothing is forgotten, so its returning visitor starts afresh; on the configured provider.
/// </summary>
public sealed class WebChatRetentionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Activities_past_the_period_are_deleted_in_batches_newer_ones_kept_and_emptied_conversations_forgotten()
    {
        var clock = new FakeTimeProvider(BotHost.Start);
        var store = new SqlWebChatStore(await _database.MigrateAsync(), clock);
        var old = WebChatRetentionService.BatchSize + 5;
        await store.StartAsync("gone", CancellationToken.None);
        await store.AppendAsync("gone", [.. Enumerable.Range(1, old).Select(Activity)], CancellationToken.None);
        await store.StartAsync("ongoing", CancellationToken.None);
        await store.AppendAsync("ongoing", [Activity(1), Activity(2)], CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(60));
        await store.AppendAsync("ongoing", [Activity(3), Activity(4)], CancellationToken.None);
        await store.StartAsync("recent", CancellationToken.None);
        await store.AppendAsync("recent", [Activity(1)], CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(31));
        var retention = new WebChatRetentionService(store, Options.Create(new WebChatRetentionOptions()), clock, NullLogger<WebChatRetentionService>.Instance);

        var deleted = await retention.DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal((old + 2, 1), deleted);
        Assert.False(await store.ExistsAsync("gone", CancellationToken.None));
        Assert.Equal([3L, 4L], (await store.ReadAfterAsync("ongoing", 0, 100, CancellationToken.None)).Select(a => a.Sequence));
        Assert.Equal([1L], (await store.ReadAfterAsync("recent", 0, 100, CancellationToken.None)).Select(a => a.Sequence));
        Assert.Equal((0, 0), await retention.DeleteExpiredAsync(CancellationToken.None));

        // What the ongoing conversation says next is numbered after what was deleted: no watermark is reused.
        await store.AppendAsync("ongoing", [Activity(5)], CancellationToken.None);
        Assert.Equal([3L, 4L, 5L], (await store.ReadAfterAsync("ongoing", 0, 100, CancellationToken.None)).Select(a => a.Sequence));
    }

    [Fact]
    public async Task A_returning_visitor_whose_conversation_was_pruned_is_greeted_in_a_new_one()
    {
        await using var program = await WebChatBotProgram.StartAsync(WebChatBotProgram.Settings(_database));
        using var visitor = program.Client();
        var first = await PageTokenAsync(visitor, kept: null);
        var greeting = await OpenAsync(visitor, first);
        await visitor.SayAsync("blocked");
        Assert.Equal((string)first["conversationId"]!, (string)(await PageTokenAsync(visitor, (string)first["token"]!))["conversationId"]!);

        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromDays(91));
        var retention = new WebChatRetentionService(
            program.Services.GetRequiredService<IWebChatStore>(), Options.Create(new WebChatRetentionOptions()), later, NullLogger<WebChatRetentionService>.Instance);
        Assert.Equal(1, (await retention.DeleteExpiredAsync(CancellationToken.None)).Conversations);

        var returned = await PageTokenAsync(visitor, (string)first["token"]!);
        Assert.NotEqual((string)first["conversationId"]!, (string)returned["conversationId"]!);
        Assert.Equal(greeting, await OpenAsync(visitor, returned));
        var (activities, _) = await visitor.GetActivitiesAsync();
        Assert.DoesNotContain(activities, a => Text(a!.AsObject()) == "blocked");
    }

    private static string Activity(int n) => $$"""{"type":"message","text":"message {{n}}"}""";

    /// <summary>What the <c>/chat</c> page asks for as it opens, with the token it kept from the last visit.</summary>
    private static async Task<JsonObject> PageTokenAsync(DirectLineTestClient visitor, string? kept)
    {
        using var http = new HttpClient { BaseAddress = new Uri(visitor.Http.BaseAddress!, "../../") };
        return await ReadAsync(await http.PostAsJsonAsync("chat/token", new { token = kept }));
    }

    /// <summary>Starts the page's conversation as Web Chat does; returns the bot's greeting in it.</summary>
    private static async Task<List<string>> OpenAsync(DirectLineTestClient visitor, JsonObject page)
    {
        visitor.Token = (string)page["token"]!;
        var started = await ReadAsync(await visitor.SendAsync(HttpMethod.Post, "conversations", visitor.Token, new { locale = "en-US" }));
        visitor.ConversationId = (string)started["conversationId"]!;
        visitor.Token = (string)started["token"]!;
        var (activities, _) = await visitor.GetActivitiesAsync();
        var greeting = activities.Select(a => a!.AsObject()).Where(FromBot).Select(Text).ToList();
        Assert.NotEmpty(greeting);
        return greeting;
    }
}
