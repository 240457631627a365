using BlockBot.Conversation.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace BlockBot.Bench;

/// <summary>
/// One run: start the bot on its database (with <see cref="BenchOptions.Instances"/> above 1, that many bot instances
/// on the one database, each customer talking to one of them), let every simulated customer go through the procedure
/// at once, gather the figures, stop the bot. Bounded by the run's timeout whatever happens.
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
        using var shared = new BenchShared();
        var hosts = Enumerable.Range(0, options.Instances).Select(_ => BenchHost.Build(options, database, logCounter, shared)).ToList();
        try
        {
            return await RunAsync(options, database, logCounter, shared, hosts, progress, overall.Token);
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }

    private static async Task<BenchResult> RunAsync(
        BenchOptions options,
        BenchDatabase database,
        LogCounter logCounter,
        BenchShared shared,
        IReadOnlyList<IHost> hosts,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var starting = TimeProvider.System.GetTimestamp();
        foreach (var host in hosts)
        {
            // One after the other: the first creates the schema, the others find it there.
            await host.StartAsync(cancellationToken);
        }

        var startUp = TimeProvider.System.GetElapsedTime(starting);

        var instances = new List<(IScheduler Scheduler, BenchAdapter Adapter, AutoStaff Staff, AutoStaffChat StaffChat, EventDeliveryCounter Events)>();
        foreach (var services in hosts.Select(h => h.Services))
        {
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
            scheduler.ListenerManager.AddTriggerListener(shared.FireDelays, [GroupMatcher<TriggerKey>.AnyGroup()]);
            instances.Add((scheduler, services.GetRequiredService<BenchAdapter>(), services.GetRequiredService<AutoStaff>(),
                services.GetRequiredService<AutoStaffChat>(), services.GetRequiredService<EventDeliveryCounter>()));
        }

        var replies = new ProcedureReplies(hosts[0].Services.GetRequiredService<DialogSetProvider>().Current);
        var measurements = shared.Measurements;
        var runId = Guid.NewGuid().ToString("N")[..6];

        var sampler = new RuntimeSampler();
        CustomerOutcome[] outcomes;
        TimeSpan wall;
        try
        {
            var began = TimeProvider.System.GetTimestamp();
            var customers = Enumerable.Range(1, options.Conversations)
                .Select(n => (n, instance: instances[n % instances.Count]))
                .Select(c => new SimulatedCustomer(c.instance.Adapter, c.instance.Staff, replies, measurements, options, $"{runId}-{c.n:D4}", $"Линия {runId} №{c.n}"))
                .Select(customer => Task.Run(() => customer.RunAsync(cancellationToken), CancellationToken.None))
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
        var quartzThreads = (await instances[0].Scheduler.GetMetadata(CancellationToken.None)).ThreadPoolSize;

        foreach (var host in hosts)
        {
            using var stopping = new CancellationTokenSource(StopTimeout);
            await host.StopAsync(stopping.Token);
        }

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
            EventDispatch = LatencyRecorder.Summarise(instances.Select(i => i.Events.DispatchTime)),
            EventFireDelay = shared.FireDelays.Events.Summarise(),
            ReminderFireDelay = shared.FireDelays.Reminders.Summarise(),
            Misfires = shared.FireDelays.Misfires,
            StaffTakeAndDone = LatencyRecorder.Summarise(instances.Select(i => i.Staff.TakeAndDone)),
            Operations = shared.Timings.Summarise(),
            AdmissionWait = shared.AdmissionWaits.Waits.Summarise(),
            EventsDelivered = Sum(instances.Select(i => i.Events.Delivered)),
            EventsFailed = Sum(instances.Select(i => i.Events.Failed)),
            EventsDeliveredBefore = Sum(instances.Select(i => i.Events.DeliveredBefore)),
            ProactiveTurns = instances.Sum(i => i.Adapter.ProactiveTurns),
            StaffCards = instances.Sum(i => i.StaffChat.Cards),
            StaffCompleted = instances.Sum(i => i.Staff.Completed),
            StaffFailed = instances.Sum(i => i.Staff.Failed),
            UnexpectedReplies = measurements.Unexpected,
            OutOfOrderReplies = measurements.OutOfOrder,
            UnexpectedSamples = [.. measurements.UnexpectedSamples],
            OutOfOrderKinds = new Dictionary<string, long>(measurements.OutOfOrderKinds),
            Undeliverable = instances.Sum(i => i.Adapter.Undeliverable),
            LogWarnings = logCounter.Warnings,
            LogErrors = logCounter.Errors,
            LogSamples = [.. logCounter.Samples],
            QuartzThreads = quartzThreads,
            Memory = memory,
        };
    }

    private static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> counts) =>
        counts.SelectMany(c => c).GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

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
