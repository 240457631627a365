using System.Diagnostics.Metrics;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Conversation;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Host;

/// <summary>
/// The BlockBot meter counts turns with their latency, reminders as they fire with their lateness, the tickets staff
/// have to work on and how long staff took to close them.
/// </summary>
public sealed class MetricsTests : ConversationTestBase
{
    private const string OpenTickets = TicketGauges.OpenName;
    private const string ResolutionTime = "blockbot.ticket.resolution_time";

    [Fact]
    public async Task Turns_and_a_fired_reminder_are_measured()
    {
        using var meter = new MeterRecorder(Host.Services.GetRequiredService<BlockBotMetrics>().Meter);

        await PlayAsync(
        [
            .. Scripts.ToUnblockQuestion(),
            User("Ещё не обращались"), Bot("blocked", "appeal_how"), Bot("blocked", "appeal_meanwhile"),
            Bot("blocked", "followup_date"), Bot("blocked", "wait_answer", "unblocked", "refused", "no_answer"),
            TimePasses(TimeSpan.FromDays(1)),
            Bot("blocked", "followup"), Bot("blocked", "wait_answer"),
        ]);

        var measured = meter.Recorded;
        var turns = measured.Where(m => m.Instrument == "blockbot.turns").ToList();
        Assert.Contains(turns, m => m.Tag("activity.type") == "message");
        Assert.Contains(turns, m => m.Tag("activity.type") == "event");
        Assert.Equal(turns.Count, measured.Count(m => m.Instrument == "blockbot.turn.duration"));
        Assert.All(measured.Where(m => m.Instrument == "blockbot.turn.duration"), m => Assert.True(m.Value >= 0));
        Assert.Single(measured, m => m.Instrument == "blockbot.reminders.fired");
        Assert.Single(measured, m => m.Instrument == "blockbot.reminder.lateness");
    }

    [Fact]
    public async Task A_clearing_is_counted_open_then_taken_ages_and_its_resolution_is_recorded_when_done()
    {
        using var meter = new MeterRecorder(Host.Services.GetRequiredService<BlockBotMetrics>().Meter);

        await PlayAsync(
        [
            .. Scripts.ToUnblockQuestion(),
            .. Scripts.UnblockedAndClearingRequested(),
            Check("one clearing is open, just opened", async host =>
            {
                var gauges = await ReadTicketGaugesAsync(host, meter);
                Assert.Equal(["state=open,kind=queue_clearing: 1"], NonZero(gauges, OpenTickets));
                Assert.Equal(6, gauges.Count(g => g.Instrument == OpenTickets));
                Assert.Equal(0, OldestAge(gauges));
            }),
            TimePasses(TimeSpan.FromMinutes(40)),
            Check("the open clearing has waited 40 minutes", async host =>
                Assert.Equal(2400, OldestAge(await ReadTicketGaugesAsync(host, meter)))),
            StaffTakes(), BotText("event_staff_taken"),
            TimePasses(TimeSpan.FromMinutes(20)),
            Check("taken, it still counts and still ages from its opening", async host =>
            {
                var gauges = await ReadTicketGaugesAsync(host, meter);
                Assert.Equal(["state=taken,kind=queue_clearing: 1"], NonZero(gauges, OpenTickets));
                Assert.Equal(3600, OldestAge(gauges));
                Assert.DoesNotContain(meter.Recorded, m => m.Instrument == ResolutionTime);
            }),
            StaffDone(), Bot("blocked", "cleared"), Bot("reconnect", "how_to_reconnect"), Bot("reconnect", "ask_connected"),
            Check("done: nothing is waiting, and the hour from opening to done is recorded", async host =>
            {
                var gauges = await ReadTicketGaugesAsync(host, meter);
                Assert.Empty(NonZero(gauges, OpenTickets));
                Assert.Equal(0, OldestAge(gauges));
                var resolved = Assert.Single(meter.Recorded, m => m.Instrument == ResolutionTime);
                Assert.Equal((3600d, "queue_clearing", "done"), (resolved.Value, resolved.Tag("kind"), resolved.Tag("outcome")));
            }),
            TimePasses(TimeSpan.FromDays(1)),
            User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
            User("Продажи"), Bot("blocked", "ask_repeated_known"),
            User("да"), Bot("blocked", "ask_crm"),
            User("нет"), Bot("blocked", "ask_unblock_state"),
            User("1"), Bot("blocked", "scheduled_limit"), Bot("blocked", "scheduled_date"),
            Check("a clearing scheduled by the policy counts as scheduled, not as waiting for staff", async host =>
            {
                var gauges = await ReadTicketGaugesAsync(host, meter);
                Assert.Equal(["kind=queue_clearing: 1"], NonZero(gauges, TicketGauges.ScheduledName));
                Assert.Empty(NonZero(gauges, OpenTickets));
                Assert.Equal(0, OldestAge(gauges));
            }),
        ]);
    }

    [Fact]
    public async Task The_oldest_age_follows_the_earliest_ticket_still_waiting_and_a_decline_is_recorded_as_such()
    {
        using var meter = new MeterRecorder(Host.Services.GetRequiredService<BlockBotMetrics>().Meter);
        var issuer = Host.Services.GetRequiredService<TicketIssuer>();

        var first = await issuer.OpenGeneralQuestionAsync(new CustomerId("test", "first"), "en", caseId: null, line: null, CancellationToken.None);
        Assert.True((await Host.StaffDesk.TakeAsync(first.Id, Staffer, CancellationToken.None)).Succeeded);
        Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await issuer.OpenGeneralQuestionAsync(new CustomerId("test", "second"), "ru", caseId: null, line: null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(20));

        var both = await ReadTicketGaugesAsync(Host, meter);
        Assert.Equal(["state=open,kind=general_question: 1", "state=taken,kind=general_question: 1"], NonZero(both, OpenTickets));
        Assert.Equal(1800, OldestAge(both));

        var declined = await Host.StaffDesk.DeclineAsync(first.Id, Staffer, "Not about blocks", CancellationToken.None);
        Assert.True(declined.Succeeded, declined.Message);
        var secondLeft = await ReadTicketGaugesAsync(Host, meter);
        Assert.Equal(["state=open,kind=general_question: 1"], NonZero(secondLeft, OpenTickets));
        Assert.Equal(1200, OldestAge(secondLeft));

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Host.StaffDesk.DoneAsync(second.Id, Staffer, CancellationToken.None)).Succeeded);
        var noneLeft = await ReadTicketGaugesAsync(Host, meter);
        Assert.Empty(NonZero(noneLeft, OpenTickets));
        Assert.Equal(0, OldestAge(noneLeft));

        Assert.Equal(
            ["blockbot.ticket.resolution_time{kind=general_question,outcome=declined}=1800", "blockbot.ticket.resolution_time{kind=general_question,outcome=done}=1500"],
            meter.Recorded.Where(m => m.Instrument == ResolutionTime).Select(m => m.ToString()));
        await Host.WaitForIdleAsync();
    }

    [Fact]
    public async Task A_failed_count_is_logged_and_the_gauges_keep_the_last_counts()
    {
        // Gauges of their own on the bot's database, as a second process would have, so their log can be read.
        var logs = new CapturingLoggerProvider();
        using var loggers = new LoggerFactory([logs]);
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new SupportMetrics(meters.GetRequiredService<IMeterFactory>());
        var connections = Database.CreateFactory();
        var tickets = new SqlTicketRepository(connections);
        using var gauges = new TicketGauges(tickets, metrics, Clock, loggers.CreateLogger<TicketGauges>());
        using var meter = new MeterRecorder(metrics.Meter);

        Assert.Empty(meter.ObserveGauges());

        await tickets.AddAsync(
            new HandoffTicket
            {
                Id = 0,
                Kind = TicketKind.VmChange,
                State = TicketState.Open,
                Customer = new CustomerId("test", "1"),
                CaseId = null,
                Line = "Sales",
                CrmMarketing = null,
                Repeated = null,
                CustomerLanguage = "en",
                CreatedAt = Clock.GetUtcNow(),
                OpensAt = Clock.GetUtcNow(),
            },
            CancellationToken.None);
        await gauges.RefreshAsync(CancellationToken.None);
        Assert.Equal(["state=open,kind=vm_change: 1"], NonZero(meter.ObserveGauges(), OpenTickets));

        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("ALTER TABLE handoff_ticket RENAME TO handoff_ticket_away");
        }

        Clock.Advance(TimeSpan.FromMinutes(3));
        await gauges.RefreshAsync(CancellationToken.None);

        var kept = meter.ObserveGauges();
        Assert.Equal(["state=open,kind=vm_change: 1"], NonZero(kept, OpenTickets));
        Assert.Equal(180, OldestAge(kept));
        var warning = Assert.Single(logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("Counting tickets for the ticket gauges failed", warning, StringComparison.Ordinal);
        Assert.Contains($"SnapshotTakenAt={BotHost.Start}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metrics_endpoint_that_is_no_url_stops_the_start_naming_the_key()
    {
        var error = Assert.Throws<BlockBot.Configuration.ConfigurationException>(() => BlockBotProgram.Build(
            ["--BlockBot:Metrics:OtlpEndpoint=collector:4317", $"--BlockBot:Storage:ConnectionString={Database.ConnectionString}", $"--BlockBot:Storage:Provider={Database.Provider}"]));

        Assert.Contains("BlockBot:Metrics:OtlpEndpoint is 'collector:4317'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:15")]
    [InlineData("1.00:00:00")]
    public void A_ticket_refresh_interval_out_of_range_is_rejected_naming_the_setting(string interval)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["BlockBot:Metrics:TicketRefreshInterval"] = interval })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddBlockBotSupport(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TicketGaugeOptions>>().Value);

        Assert.Contains(nameof(TicketGaugeOptions.TicketRefreshInterval), error.Message, StringComparison.Ordinal);
    }

    /// <summary>Counts the tickets now, as the refresh service does every few seconds, and reads the gauges as an exporter would.</summary>
    private static async Task<IReadOnlyList<Measured>> ReadTicketGaugesAsync(BotHost host, MeterRecorder meter)
    {
        await host.Services.GetRequiredService<TicketGauges>().RefreshAsync(CancellationToken.None);
        return meter.ObserveGauges();
    }

    /// <summary>The series of the instrument that are not zero, as "tag=value,…: count".</summary>
    private static List<string> NonZero(IReadOnlyList<Measured> gauges, string instrument) =>
        gauges.Where(g => g.Instrument == instrument && g.Value != 0)
            .Select(g => $"{string.Join(",", g.Tags.Select(t => $"{t.Key}={t.Value}"))}: {g.Value}")
            .ToList();

    private static double OldestAge(IReadOnlyList<Measured> gauges) =>
        Assert.Single(gauges, g => g.Instrument == TicketGauges.OldestAgeName).Value;
}
