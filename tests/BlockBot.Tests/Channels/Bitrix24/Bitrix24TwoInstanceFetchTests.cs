using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>
/// Fetch mode with two instances on one PostgreSQL database: each event runs one turn, and when the fetching instance
/// stops, the other takes over from the confirmed offset. (One turn per event holds even without the fetch lock, by the
/// handled mark checked inside the turn; what the lock adds — one poller, offsets confirmed in order — is not seen here.)
/// </summary>
public sealed class Bitrix24TwoInstanceFetchTests : IAsyncLifetime, IDisposable
{
    private const int Customers = 20;

    private readonly TempDatabase _database = new();
    private FakeBitrix24 _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBitrix24.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task Two_fetching_instances_answer_each_event_once_and_the_survivor_takes_over()
    {
        var first = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database));
        await using var second = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database));
        try
        {
            foreach (var customer in Enumerable.Range(1, Customers))
            {
                _fake.Enqueue(FakeEvents.JoinChat, FakeEvents.Join(ChatOf(customer), 500 + customer));
            }

            // The greeting and the menu, once each.
            await _fake.WaitForAsync(_ => Enumerable.Range(1, Customers).All(c => _fake.SentTo(DialogOf(c)).Count >= 2), "every customer to be greeted");
            await _fake.WaitForAsync(f => f.Pending == 0, "every join event to be confirmed");
        }
        finally
        {
            await first.DisposeAsync();
        }

        foreach (var customer in Enumerable.Range(1, Customers))
        {
            _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(ChatOf(customer), 500 + customer, "1"));
        }

        await _fake.WaitForAsync(_ => Enumerable.Range(1, Customers).All(c => _fake.SentTo(DialogOf(c)).Count >= 5), "the instance left to answer every customer");
        await _fake.WaitForAsync(f => f.Pending == 0, "every message event to be confirmed");

        // The instance left fetches its next page only when the turns of the one before have ended: two more fetches
        // and whatever it was still working on is done.
        var fetched = _fake.CallsOf("imbot.v2.Event.get").Count;
        await _fake.WaitForAsync(f => f.CallsOf("imbot.v2.Event.get").Count >= fetched + 2, "the instance left to fetch twice more");

        Assert.All(Enumerable.Range(1, Customers), c =>
        {
            var texts = _fake.SentTo(DialogOf(c)).Select(m => m.Text).ToList();
            Assert.Equal(5, texts.Count);
            Assert.Single(texts, t => t.StartsWith("Hello! I'm BlockBot.", StringComparison.Ordinal));
        });
    }

    private static long ChatOf(int customer) => 3_000 + customer;

    private static string DialogOf(int customer) => "chat" + ChatOf(customer);
}
