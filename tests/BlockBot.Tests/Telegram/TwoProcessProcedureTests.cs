using System.Diagnostics;
using System.Globalization;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Telegram.Fake;
using Xunit.Abstractions;

namespace BlockBot.Tests.Telegram;

/// <summary>
/// Issue 5's headline test. Two bot processes on one PostgreSQL database in webhook mode (ADR 0006) against the fake
/// Bot API; 334 customers walk a repeated block with an appeal (<see cref="RepeatedBlockWalk"/>: 2,672 updates, 1,002
/// reminders, 334 tickets), two staff members race for every ticket across the two processes, and process A is
/// killed (SIGKILL) at 40 % of the customers' messages and started again. Every update is answered once, every
/// reminder delivered once, no ticket changed twice; what may repeat is only a send Telegram accepted just before
/// the kill whose outbox row was not yet deleted (ADR 0005).
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class TwoProcessProcedureTests(ITestOutputHelper output) : IDisposable
{
    private const int Customers = 334;
    private const double KillAtShareOfMessages = 0.4;
    private const int ConcurrentSends = 64;
    private const string Secret = "two-process-secret";

    // Customers arrive one after another, so at the kill some are mid-dialog, some wait for reminders or staff.
    private static readonly TimeSpan ArrivalGap = TimeSpan.FromMilliseconds(60);
    private static readonly TimeSpan AppealFollowUp = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan PhoneOnly = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan ChatsOnly = TimeSpan.FromSeconds(5);

    // Longer than the periods, so reminders fall due while the process is down; Quartz recovers its jobs after 10–15 s.
    private static readonly TimeSpan DownFor = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TempDatabase _database = new();
    private readonly Stopwatch _clock = new();
    private long _lastUpdateId;

    [PostgresFact]
    public async Task A_thousand_updates_and_reminders_over_two_processes_one_killed_and_restarted_are_each_answered_delivered_and_applied_once()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var feed = new ChatFeed(fake);
        await using var front = new WebhookFront([name => StartBotAsync(fake, name), name => StartBotAsync(fake, name)], Secret);
        using var failure = new FirstFailure();
        _clock.Start();
        await Task.WhenAll(front.StartAsync(0, "A"), front.StartAsync(1, "B"));
        Say($"both processes live");

        var customers = Enumerable.Range(1, Customers).Select(n => new WalkingCustomer(n, RealDialogs.Set)).ToList();
        var staff = new StaffPair(fake, front, feed, NextUpdateId);
        var kill = new KillWindow(customers.Sum(c => c.Legs.Count(l => l.Says is not null)), KillAtShareOfMessages);
        var walking = _clock.Elapsed;
        await Task.WhenAll(
        [
            failure.GuardAsync(_ => staff.WorkAsync(Customers, failure, Patience)),
            failure.GuardAsync(token => KillAndRestartAsync(fake, front, kill, customers, token)),
            failure.GuardAsync(token => ShowProgressAsync(fake, customers, token)),
            .. customers.Select((customer, i) => failure.GuardAsync(async token =>
            {
                await Task.Delay(ArrivalGap * i, token);
                await customer.WalkAsync(front, feed, NextUpdateId, kill.CustomerSaidOne, Patience, token);
            })),
        ]);
        Say($"walks over: {customers.Count(c => c.Finished)} of {Customers} customers at the goodbye; {Where(customers)}");
        failure.ThrowIfFailed();
        var walked = _clock.Elapsed - walking;

        // Whatever is still under way (the last sends, Quartz deleting fired jobs) settles; nothing new may come after.
        await WaitUntilAsync(() => Count(Pending) == 0 && Count(QuartzTriggers) == 0, "the inbox, outbox and Quartz's triggers to be empty", TimeSpan.FromSeconds(60));
        var settledCount = fake.Sent.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await front.KillAsync(0);
        await front.KillAsync(1);

        var sent = fake.Sent;
        var readings = customers.ToDictionary(c => c, c => ChatReading.Read(
            sent.Where(m => m.ChatId == c.ChatId).ToList(),
            c.Legs.SelectMany(l => l.Replies.Select(r => (Description: $"{r.Text.Description} (after {l.Name})", Test: r.Matcher(RealDialogs.Set)))).ToList(),
            kill.Began,
            kill.Exited));
        var repeats = readings.Values.SelectMany(r => r.Repeats).ToList();
        Report(front, kill, walked, sent, repeats, readings);

        Assert.Equal(settledCount, sent.Count);
        AssertEveryUpdateHandledOnce();
        AssertEachCustomerHeardTheWalkOnce(readings, repeats);
        AssertRemindersNotBeforeDue(readings, staff);
        AssertEachTicketChangedOnceByOneStaffMember(fake, staff, customers, sent);
    }

    public void Dispose() => _database.Dispose();

    private async Task KillAndRestartAsync(FakeBotApi fake, WebhookFront front, KillWindow kill, IReadOnlyList<WalkingCustomer> customers, CancellationToken cancellationToken)
    {
        await kill.Reached.WaitAsync(cancellationToken);
        kill.AnswersBefore = fake.Sent.Count;
        kill.SaidBefore = kill.Said;
        kill.Began = DateTimeOffset.UtcNow;
        kill.BeganAfter = _clock.Elapsed;
        await front.KillAsync(0);
        kill.Exited = DateTimeOffset.UtcNow;
        Say($"killed A after {kill.SaidBefore} customer messages and {kill.AnswersBefore} answers; customers: {Where(customers)}");
        await Task.Delay(DownFor, cancellationToken);
        await front.StartAsync(0, "A'");
        Say("A' (A restarted) live");
    }

    private async Task ShowProgressAsync(FakeBotApi fake, IReadOnlyList<WalkingCustomer> customers, CancellationToken cancellationToken)
    {
        while (!customers.All(c => c.Finished))
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            Say($"{Interlocked.Read(ref _lastUpdateId)} updates, {fake.Sent.Count} answers; customers: {Where(customers)}");
        }
    }

    private void AssertEveryUpdateHandledOnce()
    {
        Assert.Equal(
            new[] { ("handled", Interlocked.Read(ref _lastUpdateId)) },
            Rows("SELECT state, COUNT(*) FROM telegram_update GROUP BY state", r => (r.GetString(0), r.GetInt64(1))));
        Assert.Equal(0, Count(Pending));
        Assert.Equal(0, Count(QuartzTriggers));
    }

    private static void AssertEachCustomerHeardTheWalkOnce(Dictionary<WalkingCustomer, ChatReading> readings, IReadOnlyList<ChatReading.Repeat> repeats)
    {
        var problems = readings.Where(r => r.Value.Problems.Count > 0)
            .SelectMany(r => r.Value.Problems.Select(p => $"customer {r.Key.Number} (chat {r.Key.ChatId}, {r.Key.Line}): {p}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems in the customers' chats:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(40))}");
        Assert.InRange(repeats.Count, 0, ConcurrentSends);
    }

    private static void AssertRemindersNotBeforeDue(Dictionary<WalkingCustomer, ChatReading> readings, StaffPair staff)
    {
        var early = new List<string>();
        foreach (var (customer, reading) in readings)
        {
            var race = staff.Races.Values.Single(r => r.Line == customer.Line);
            foreach (var (leg, scheduledAfter, period) in new[]
            {
                (RepeatedBlockWalk.AppealFollowUp, customer.SaidAt(RepeatedBlockWalk.Appealed), AppealFollowUp),
                (RepeatedBlockWalk.PhoneOnlyEnd, race.DonePressedAt!.Value, PhoneOnly),
                (RepeatedBlockWalk.ChatsOnlyEnd, customer.SaidAt(RepeatedBlockWalk.Connected), ChatsOnly),
            })
            {
                var message = reading.Matched[RepeatedBlockWalk.FirstReplyOf(customer.Legs, leg)];
                if (message.At < scheduledAfter + period)
                {
                    early.Add($"customer {customer.Number}: {leg} at {message.At:HH:mm:ss.fff}, due no sooner than {scheduledAfter + period:HH:mm:ss.fff}");
                }
            }
        }

        Assert.True(early.Count == 0, $"{early.Count} reminders came before they were due:{Environment.NewLine}{string.Join(Environment.NewLine, early.Take(40))}");
    }

    private void AssertEachTicketChangedOnceByOneStaffMember(FakeBotApi fake, StaffPair staff, IReadOnlyList<WalkingCustomer> customers, IReadOnlyList<SentMessage> sent)
    {
        var names = StaffPair.Members.Select(m => m.Name).ToHashSet();
        var tickets = Rows("SELECT id, line, state, handled_by FROM handoff_ticket ORDER BY id", r => (Id: r.GetInt64(0), Line: r.GetString(1), State: r.GetString(2), HandledBy: r.IsDBNull(3) ? null : r.GetString(3)));
        Assert.Equal(customers.Select(c => c.Line).Order(StringComparer.Ordinal), tickets.Select(t => t.Line).Order(StringComparer.Ordinal));
        Assert.All(tickets, t => Assert.True(t.State == "done" && t.HandledBy is not null && names.Contains(t.HandledBy), $"Ticket #{t.Id} ({t.Line}) ended {t.State}, handled by {t.HandledBy}."));

        // The group got the cards and nothing else; each card was edited twice: taken by one member, done by one.
        var group = sent.Where(m => m.ChatId == StaffPair.Chat).ToList();
        Assert.True(group.All(TelegramFlows.IsCard), $"The staff group got more than cards: {string.Join(" | ", group.Where(m => !TelegramFlows.IsCard(m)).Select(m => m.Text))}");
        Assert.Equal(tickets.Select(t => t.Id), staff.Races.Keys.Order());
        var problems = new List<string>();
        foreach (var ticket in tickets)
        {
            var race = staff.Races[ticket.Id];
            var edits = fake.Edits(race.Card.MessageId).Select(FakeBotApi.Shown).Select(e => e.Split('\n')[^1]).ToList();
            var taker = edits.Count > 0 ? names.SingleOrDefault(n => edits[0] == $"Ticket #{ticket.Id}: taken by {n}") : null;
            if (taker is null || edits.Count != 2 || edits[1] != $"Ticket #{ticket.Id}: done by {ticket.HandledBy}")
            {
                problems.Add($"ticket #{ticket.Id} ({ticket.Line}): card edits [{string.Join(" | ", edits)}], expected taken by one member, then done by {ticket.HandledBy}");
                continue;
            }

            problems.AddRange(RaceProblems(fake, ticket.Id, "take", race.TakePresses, taker, $"You took ticket #{ticket.Id}."));
            problems.AddRange(RaceProblems(fake, ticket.Id, "done", race.DonePresses, ticket.HandledBy!, $"Ticket #{ticket.Id} is done."));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems with the tickets:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(40))}");
    }

    /// <summary>Of two presses at once, the winner's is the one success told; the loser is told no.</summary>
    private static IEnumerable<string> RaceProblems(FakeBotApi fake, long ticketId, string verb, IReadOnlyList<string> presses, string winner, string success)
    {
        var answers = StaffPair.Members.Select((m, i) => (m.Name, Texts: fake.Answers(presses[i]).Select(a => a.Body["text"]?.GetValue<string>() ?? string.Empty).ToList())).ToList();
        var told = string.Join("; ", answers.Select(a => $"{a.Name}: [{string.Join(" | ", a.Texts)}]"));
        if (answers.Sum(a => a.Texts.Count(t => t == success)) > 1)
        {
            yield return $"ticket #{ticketId}: both {verb} presses were told they succeeded ({told})";
        }

        var loser = answers.Single(a => a.Name != winner);
        if (loser.Texts.Count == 0 || loser.Texts.Contains(success))
        {
            yield return $"ticket #{ticketId}: {loser.Name} lost the {verb} race to {winner} but was not told no ({told})";
        }
    }

    private void Report(WebhookFront front, KillWindow kill, TimeSpan walked, IReadOnlyList<SentMessage> sent, IReadOnlyList<ChatReading.Repeat> repeats, Dictionary<WalkingCustomer, ChatReading> readings)
    {
        output.WriteLine($"{Customers} customers, {Interlocked.Read(ref _lastUpdateId)} updates ({kill.Total} customers' messages, the rest staff presses), {Customers * 3} reminders.");
        output.WriteLine($"Walks took {walked.TotalSeconds:F1} s; the whole run {_clock.Elapsed.TotalSeconds:F1} s.");
        output.WriteLine($"Kill at {kill.BeganAfter.TotalSeconds:F1} s, after {kill.SaidBefore} customers' messages and {kill.AnswersBefore} answers; down {DownFor.TotalSeconds:F0} s.");
        output.WriteLine($"Updates taken by process: {string.Join(", ", front.Taken.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}.");
        output.WriteLine($"{sent.Count} messages sent; {repeats.Count} repeated after the kill (bound {ConcurrentSends}): {string.Join(", ", repeats.Select(r => $"chat {r.Copy.ChatId} \"{ChatFeed.FirstLine(r.Copy.Text)}\""))}");
        foreach (var leg in new[] { RepeatedBlockWalk.AppealFollowUp, RepeatedBlockWalk.PhoneOnlyEnd, RepeatedBlockWalk.ChatsOnlyEnd })
        {
            var gaps = readings.Where(r => r.Value.Problems.Count == 0)
                .Select(r => r.Value.Matched[RepeatedBlockWalk.FirstReplyOf(r.Key.Legs, leg)].At - r.Value.Matched[RepeatedBlockWalk.FirstReplyOf(r.Key.Legs, leg) - 1].At)
                .Order()
                .ToList();
            if (gaps.Count > 0)
            {
                output.WriteLine($"{leg}: from the message before it, median {gaps[gaps.Count / 2].TotalSeconds:F1} s, max {gaps[^1].TotalSeconds:F1} s.");
            }
        }
    }

    private static string Where(IReadOnlyList<WalkingCustomer> customers) =>
        string.Join(", ", customers.GroupBy(c => c.At).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} at {g.Key}"));

    private void Say(string what) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {what}");

    private long NextUpdateId() => Interlocked.Increment(ref _lastUpdateId);

    private Task<BotProcess> StartBotAsync(FakeBotApi fake, string name) => BotProcess.StartAsync(
        name,
        new Dictionary<string, string>
        {
            ["BlockBot:Storage:Provider"] = _database.Provider.ToString(),
            ["BlockBot:Storage:ConnectionString"] = _database.ConnectionString,
            ["BlockBot:DialogsPath"] = RepositoryPaths.Dialogs,
            ["BlockBot:Telegram:Token"] = FakeBotApi.Token,
            ["BlockBot:Telegram:ApiUrl"] = fake.Url,
            ["BlockBot:Telegram:Mode"] = "Webhook",
            ["BlockBot:Telegram:WebhookUrl"] = "https://127.0.0.1:8443/telegram/hook",
            ["BlockBot:Telegram:WebhookSecret"] = Secret,
            ["BlockBot:Telegram:StaffChatId"] = StaffPair.Chat.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:StaffUserIds:0"] = StaffPair.Members[0].UserId.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:StaffUserIds:1"] = StaffPair.Members[1].UserId.ToString(CultureInfo.InvariantCulture),
            // Telegram's own limits would make the staff group (20 cards a minute) the whole story; their test is TelegramRateTests.
            ["BlockBot:Telegram:MessagesPerSecond"] = "2000",
            ["BlockBot:Telegram:ChatMessagesPerSecond"] = "100",
            ["BlockBot:Telegram:GroupMessagesPerMinute"] = "60000",
            ["BlockBot:Telegram:ConcurrentSends"] = ConcurrentSends.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Periods:AppealFollowUp"] = AppealFollowUp.ToString("c", CultureInfo.InvariantCulture),
            ["BlockBot:Periods:PhoneOnly"] = PhoneOnly.ToString("c", CultureInfo.InvariantCulture),
            ["BlockBot:Periods:ChatsOnly"] = ChatsOnly.ToString("c", CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        },
        _database.Root,
        output);

    private const string Pending = "SELECT (SELECT COUNT(*) FROM telegram_outbox) + (SELECT COUNT(*) FROM telegram_update WHERE state <> 'handled')";
    private const string QuartzTriggers = "SELECT COUNT(*) FROM qrtz_triggers";

    private static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            await Task.Delay(200);
        }
    }

    private long Count(string sql) => Rows(sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)).Single();

    private List<T> Rows<T>(string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>When process A is killed: once this share of the customers' messages went out; and what was seen then.</summary>
    private sealed class KillWindow(int total, double share)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _said;

        public int Total => total;

        public int Said => Volatile.Read(ref _said);

        public Task Reached => _reached.Task;

        public int AnswersBefore { get; set; }

        public int SaidBefore { get; set; }

        public DateTimeOffset Began { get; set; } = DateTimeOffset.MaxValue;

        public DateTimeOffset Exited { get; set; } = DateTimeOffset.MinValue;

        public TimeSpan BeganAfter { get; set; }

        public void CustomerSaidOne()
        {
            if (Interlocked.Increment(ref _said) == (int)(total * share))
            {
                _reached.TrySetResult();
            }
        }
    }
}
