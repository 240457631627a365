using System.Collections.Concurrent;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Conversation.Pipeline;
using BlockBot.Storage;
using BlockBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Storage;

/// <summary>
/// ADR 0026: an instance runs a bounded number of customers' turns at once and queues the rest in memory, while
/// proactive turns (staff decisions, reminders) are never queued behind them.
/// </summary>
public sealed class CustomerTurnAdmissionTests : IAsyncLifetime
{
    private const int Limit = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private TempDatabase Database { get; } = new();
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(
        Database,
        new FakeTimeProvider(BotHost.Start),
        new Dictionary<string, string?> { ["BlockBot:Storage:CustomerTurnsInFlight"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Database.Dispose();
    }

    [Fact]
    public async Task Customers_turns_over_the_limit_wait_their_turn_while_a_proactive_turn_goes_ahead()
    {
        var running = new ConcurrentQueue<string>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task HoldAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            running.Enqueue(turn.Activity.Conversation.Id);
            await release.Task.WaitAsync(cancellationToken);
        }

        var customers = Enumerable.Range(1, Limit + 1)
            .Select(i => Task.Run(() => ChannelOf($"customer-{i}").SendTextToBotAsync("привет", HoldAsync, CancellationToken.None)))
            .ToList();
        await WaitUntilAsync(() => running.Count >= Limit);

        // With both slots held, an event for a fourth customer is delivered all the same.
        var delivered = false;
        await _host.Adapter.ContinueConversationAsync(ReferenceOf("customer-event"), (_, _) => Task.FromResult(delivered = true), CancellationToken.None)
            .WaitAsync(Patience);
        Assert.True(delivered);
        Assert.Equal(Limit, running.Count);

        release.SetResult();
        await Task.WhenAll(customers).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(1, Limit + 1).Select(i => $"conversation-customer-{i}").Order(), running.Order());
    }

    [Fact]
    public async Task A_turn_waiting_for_a_slot_is_counted_while_it_waits_and_its_wait_recorded()
    {
        using var recorder = new MeterRecorder(_host.Services.GetRequiredService<BlockBotMetrics>().Meter);
        double Waiting() => recorder.Recorded.Where(m => m.Instrument == "blockbot.turns.awaiting_admission").Sum(m => m.Value);
        IReadOnlyList<Measured> Waits() => recorder.Recorded.Where(m => m.Instrument == "blockbot.turn.admission.wait").ToList();

        var running = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task HoldAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref running);
            await release.Task.WaitAsync(cancellationToken);
        }

        var customers = Enumerable.Range(1, Limit + 1)
            .Select(i => Task.Run(() => ChannelOf($"customer-{i}").SendTextToBotAsync("привет", HoldAsync, CancellationToken.None)))
            .ToList();
        await WaitUntilAsync(() => Volatile.Read(ref running) >= Limit && Waiting() >= 1);
        await _host.Adapter.ContinueConversationAsync(ReferenceOf("customer-event"), (_, _) => Task.CompletedTask, CancellationToken.None)
            .WaitAsync(Patience);

        Assert.Equal(1, Waiting());
        Assert.Empty(Waits());

        release.SetResult();
        await Task.WhenAll(customers).WaitAsync(Patience);
        Assert.Equal(0, Waiting());
        Assert.True(Assert.Single(Waits()).Value > 0);
    }

    [Theory]
    [InlineData(StorageProvider.Postgres, null, StorageOptions.PostgresCustomerTurnsInFlight)]
    [InlineData(StorageProvider.Sqlite, null, null)]
    [InlineData(StorageProvider.Postgres, "0", null)]
    [InlineData(StorageProvider.Sqlite, "8", 8)]
    public void The_limit_is_sixteen_on_PostgreSQL_and_none_on_SQLite_unless_configured(StorageProvider provider, string? configured, int? limit)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBlockBotStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BlockBot:Storage:Provider"] = provider.ToString(),
            ["BlockBot:Storage:ConnectionString"] = provider == StorageProvider.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=unused.db",
            ["BlockBot:Storage:CustomerTurnsInFlight"] = configured,
        }).Build());
        using var built = services.BuildServiceProvider();

        Assert.Equal(limit, built.GetRequiredService<CustomerTurnAdmission>().Limit);
    }

    /// <summary>A customer's own test channel on the host's one pipeline (a TestAdapter puts every message in its one conversation).</summary>
    private ProactiveTestAdapter ChannelOf(string customer) => new(_host.Services.GetRequiredService<BotPipeline>(), customer);

    private static ConversationReference ReferenceOf(string customer) => new()
    {
        ChannelId = Microsoft.Bot.Connector.Channels.Test,
        ServiceUrl = "https://test.invalid",
        User = new ChannelAccount(customer, customer),
        Bot = new ChannelAccount("bot", "BlockBot"),
        Conversation = new ConversationAccount(id: $"conversation-{customer}"),
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
