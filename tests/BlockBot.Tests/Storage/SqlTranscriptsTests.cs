using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Transcripts;
using BlockBot.Conversation.Turns;
using BlockBot.Storage;
using BlockBot.Storage.Sql;
using BlockBot.Support.Transcripts;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Storage;

/// <summary>Transcript lines are saved with their turn, read back a page at a time as written, and deleted by age.</summary>
public sealed class SqlTranscriptsTests : IDisposable
{
    private static readonly CustomerId Customer = new("telegram", "42");
    private static readonly CustomerId Other = new("bitrix24", "7");

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Any_text_a_customer_sends_is_read_back_exactly_as_kept()
    {
        var factory = await _database.MigrateAsync();
        string[] texts =
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE transcript_line; --",
            "Привет 👋🏽 مرحبا שלום 你好 e\u0301 \u200d\u202e",
            @"a\x00b",
            new string('я', 4000),
        ];
        var clock = new FakeTimeProvider(BotHost.Start);
        await SaveTurnAsync(factory, [.. texts.Select((t, i) => Line(Customer, clock.GetUtcNow().AddSeconds(i), TranscriptDirection.In, t))]);

        var read = await new SqlTranscripts(factory).ListForCustomerAsync(Customer, 100, null, CancellationToken.None);

        Assert.Equal(texts, read.Select(l => l.Text));
    }

    [Fact]
    public async Task A_customer_s_newest_lines_come_a_page_at_a_time_oldest_first()
    {
        var factory = await _database.MigrateAsync();
        var start = BotHost.Start;
        await SaveTurnAsync(factory, [.. Enumerable.Range(1, 5).Select(i => Line(Customer, start.AddMinutes(i), i % 2 == 1 ? TranscriptDirection.In : TranscriptDirection.Out, $"line {i}"))]);
        await SaveTurnAsync(factory, [Line(Other, start.AddMinutes(10), TranscriptDirection.In, "someone else")]);
        var transcripts = new SqlTranscripts(factory);

        var newest = await transcripts.ListForCustomerAsync(Customer, 2, null, CancellationToken.None);
        var older = await transcripts.ListForCustomerAsync(Customer, 2, newest[0].At, CancellationToken.None);
        var oldest = await transcripts.ListForCustomerAsync(Customer, 2, older[0].At, CancellationToken.None);

        Assert.Equal(["line 4", "line 5"], newest.Select(l => l.Text));
        Assert.Equal(["line 2", "line 3"], older.Select(l => l.Text));
        Assert.Equal(["line 1"], oldest.Select(l => l.Text));
        Assert.Equal([TranscriptDirection.Out, TranscriptDirection.In], newest.Select(l => l.Direction));
        Assert.Equal(start.AddMinutes(5), newest[1].At);
        Assert.All(newest, l => Assert.Equal(Customer, l.Customer));
    }

    [Fact]
    public async Task A_turn_that_fails_to_save_keeps_no_transcript_line()
    {
        var factory = await _database.MigrateAsync();
        var storage = new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoStoreItem { Count = 1, ETag = "*" } });
        var work = new TurnUnitOfWork();
        var turnStorage = new TurnStateStorage(storage, work);
        var read = Assert.IsType<PocoStoreItem>((await turnStorage.ReadAsync(["state"]))["state"]);
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoStoreItem { Count = 5, ETag = read.ETag } });
        read.Count = 2;
        await turnStorage.WriteAsync(new Dictionary<string, object> { ["state"] = read });
        work.Add(new TranscriptLinesKept([Line(Customer, BotHost.Start, TranscriptDirection.In, "hello"), Line(Customer, BotHost.Start, TranscriptDirection.Out, "hi")]));

        await Assert.ThrowsAsync<StorageConflictException>(() => TempDatabase.TurnStoreOn(factory, storage, new TranscriptLinesWriter()).SaveAsync(work, CancellationToken.None));

        Assert.Empty(await new SqlTranscripts(factory).ListForCustomerAsync(Customer, 10, null, CancellationToken.None));
    }

    [Fact]
    public async Task Lines_past_the_retention_period_are_deleted_in_batches_and_newer_ones_kept()
    {
        var factory = await _database.MigrateAsync();
        var clock = new FakeTimeProvider(BotHost.Start);
        var old = TranscriptRetentionService.BatchSize * 2 + 500;
        await SaveTurnAsync(factory, [.. Enumerable.Range(0, old).Select(i => Line(Other, BotHost.Start.AddSeconds(i), TranscriptDirection.Out, $"old {i}"))]);
        await SaveTurnAsync(factory, [Line(Customer, BotHost.Start.AddDays(20), TranscriptDirection.In, "recent")]);
        clock.Advance(TimeSpan.FromDays(31));
        var transcripts = new SqlTranscripts(factory);
        var retention = new TranscriptRetentionService(
            transcripts,
            Options.Create(new RetentionOptions { Transcripts = TimeSpan.FromDays(30) }),
            clock,
            NullLogger<TranscriptRetentionService>.Instance);

        Assert.Equal(old, await retention.DeleteExpiredAsync(CancellationToken.None));

        Assert.Empty(await transcripts.ListForCustomerAsync(Other, 10, null, CancellationToken.None));
        Assert.Equal(["recent"], (await transcripts.ListForCustomerAsync(Customer, 10, null, CancellationToken.None)).Select(l => l.Text));
        Assert.Equal(0, await retention.DeleteExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_retention_service_deletes_at_start_and_again_every_hour()
    {
        var factory = await _database.MigrateAsync();
        var clock = new FakeTimeProvider(BotHost.Start);
        await SaveTurnAsync(factory, [Line(Customer, BotHost.Start.AddDays(-91), TranscriptDirection.In, "past 90 days at start")]);
        await SaveTurnAsync(factory, [Line(Customer, BotHost.Start.AddDays(-90).AddMinutes(30), TranscriptDirection.In, "90 days old within the hour")]);
        await SaveTurnAsync(factory, [Line(Customer, BotHost.Start, TranscriptDirection.In, "today")]);
        var transcripts = new SqlTranscripts(factory);
        using var retention = new TranscriptRetentionService(transcripts, Options.Create(new RetentionOptions()), clock, NullLogger<TranscriptRetentionService>.Instance);

        await retention.StartAsync(CancellationToken.None);
        await WaitForTextsAsync(transcripts, ["90 days old within the hour", "today"]);
        clock.Advance(TranscriptRetentionService.Every);
        await WaitForTextsAsync(transcripts, ["today"]);
        await retention.StopAsync(CancellationToken.None);
    }

    private static async Task WaitForTextsAsync(SqlTranscripts transcripts, string[] expected)
    {
        using var deadline = new CancellationTokenSource(TestTimeouts.Generous);
        while (!(await transcripts.ListForCustomerAsync(Customer, 10, null, deadline.Token)).Select(l => l.Text).SequenceEqual(expected))
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    private static TranscriptLine Line(CustomerId customer, DateTimeOffset at, TranscriptDirection direction, string text) => new(customer, at, direction, text);

    private static async Task SaveTurnAsync(IDbConnectionFactory factory, TranscriptLine[] lines)
    {
        var work = new TurnUnitOfWork();
        work.Add(new TranscriptLinesKept(lines));
        var storage = new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        await TempDatabase.TurnStoreOn(factory, storage, new TranscriptLinesWriter()).SaveAsync(work, CancellationToken.None);
    }
}
