using BlockBot.Conversation.Engine;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BlockBot.Bench;

/// <summary>
/// One run: start the bot on its database, let every simulated customer go through the procedure at
/// once, gather the figures, stop the bot. Bounded by the run's timeout whatever happens.
/// </summary>
public static class BenchRun
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static async Task<BenchResult> ExecuteAsync(BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(options.OverallTimeout);

        using var database = BenchDatabase.Create(options);
        var logCounter = new LogCounter();
        using var host = BenchHost.Build(options, database, logCounter);

        var starting = TimeProvider.System.GetTimestamp();
        await host.StartAsync(overall.Token);
        var startUp = TimeProvider.System.GetElapsedTime(starting);

        var services = host.Services;
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(overall.Token);
        var fireDelays = services.GetRequiredService<FireDelayListener>();
        scheduler.ListenerManager.AddTriggerListener(fireDelays, [GroupMatcher<TriggerKey>.AnyGroup()]);
        var replies = new ProcedureReplies(services.GetRequiredService<DialogSetProvider>().Current);
        var adapter = services.GetRequiredService<BenchAdapter>();
        var measurements = services.GetRequiredService<BenchMeasurements>();
        var staff = services.GetRequiredService<AutoStaff>();
        var runId = Guid.NewGuid().ToString("N")[..6];

        var sampler = new RuntimeSampler();
        CustomerOutcome[] outcomes;
        TimeSpan wall;
        try
        {
            var began = TimeProvider.System.GetTimestamp();
            var customers = Enumerable.Range(1, options.Conversations)
                .Select(n => new SimulatedCustomer(adapter, staff, replies, measurements, options, $"{runId}-{n:D4}", $"Линия {runId} №{n}"))
                .Select(customer => Task.Run(() => customer.RunAsync(overall.Token), CancellationToken.None))
                .ToList();
            using var reporting = new CancellationTokenSource();
            var reporter = ReportProgressAsync(customers, progress, reporting.Token);
            outcomes = await Task.WhenAll(customers);
            wall = TimeProvider.System.GetElapsedTime(began);
            await reporting.CancelAsync();
            await reporter;
        }
        finally
        {
            await sampler.DisposeAsync();
        }

        var memory = BenchMemory.Capture(sampler);
        var quartzThreads = (await scheduler.GetMetadata(CancellationToken.None)).ThreadPoolSize;

        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await host.StopAsync(stopping.Token);
        }

        var staffChat = services.GetRequiredService<AutoStaffChat>();
        var events = services.GetRequiredService<EventDeliveryCounter>();
        return new BenchResult
        {
            Options = options,
            Database = database.Description,
            DatabaseBytes = database.SizeBytes,
            StartUp = startUp,
            Wall = wall,
            Outcomes = outcomes,
            CustomerTurn = measurements.CustomerTurn.Summarise(),
            CustomerTurnByStep = [.. measurements.TurnsByStep.Select(s => (s.Step, s.Turns.Summarise()))],
            Procedure = measurements.Procedure.Summarise(),
            StaffRoundTrip = measurements.StaffRoundTrip.Summarise(),
            StaffDoneToCustomer = measurements.StaffDoneToCustomer.Summarise(),
            ReminderDelay = measurements.ReminderDelay.Summarise(),
            EventDispatch = events.DispatchTime.Summarise(),
            EventFireDelay = fireDelays.Events.Summarise(),
            ReminderFireDelay = fireDelays.Reminders.Summarise(),
            Misfires = fireDelays.Misfires,
            StaffTakeAndDone = staff.TakeAndDone.Summarise(),
            Operations = services.GetRequiredService<OperationTimings>().Summarise(),
            EventsDelivered = new Dictionary<string, long>(events.Delivered),
            EventsFailed = new Dictionary<string, long>(events.Failed),
            ProactiveTurns = adapter.ProactiveTurns,
            StaffCards = staffChat.Cards,
            StaffCompleted = staff.Completed,
            StaffFailed = staff.Failed,
            UnexpectedReplies = measurements.Unexpected,
            OutOfOrderReplies = measurements.OutOfOrder,
            UnexpectedSamples = [.. measurements.UnexpectedSamples],
            OutOfOrderKinds = new Dictionary<string, long>(measurements.OutOfOrderKinds),
            Undeliverable = adapter.Undeliverable,
            LogWarnings = logCounter.Warnings,
            LogErrors = logCounter.Errors,
            LogSamples = [.. logCounter.Samples],
            QuartzThreads = quartzThreads,
            Memory = memory,
        };
    }

    private static async Task ReportProgressAsync(IReadOnlyList<Task<CustomerOutcome>> customers, TextWriter progress, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var finished = customers.Count(c => c.IsCompleted);
                await progress.WriteLineAsync($"bench: {finished} of {customers.Count} conversations finished");
            }
        }
        catch (OperationCanceledException)
        {
            // All customers are done.
        }
    }
}
