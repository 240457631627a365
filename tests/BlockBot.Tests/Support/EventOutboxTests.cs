using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;

namespace BlockBot.Tests.Support;

/// <summary>Staff events through the outbox table and its dispatcher, on the support harness's database and fake clock.</summary>
public sealed class EventOutboxTests : IAsyncLifetime
{
    private static readonly CustomerId Customer = SupportHarness.Customer;
    private static readonly CustomerId OtherCustomer = new("telegram", "2002");
    private SupportHarness _harness = null!;

    private IEventOutbox Outbox => _harness.Get<IEventOutbox>();

    public async Task InitializeAsync() => _harness = await SupportHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_customers_events_arrive_in_the_order_they_were_queued()
    {
        for (var i = 0; i < 30; i++)
        {
            await Outbox.EnqueueAsync(Customer, EventNames.StaffMessage, Text(i), deliveryId: null, default);
            await Outbox.EnqueueAsync(OtherCustomer, EventNames.StaffMessage, Text(i), deliveryId: null, default);
        }

        var calls = new List<SentEvent>();
        for (var i = 0; i < 60; i++)
        {
            calls.Add(await _harness.Events.NextCallAsync());
        }

        foreach (var customer in new[] { Customer, OtherCustomer })
        {
            Assert.Equal(
                Enumerable.Range(0, 30).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                calls.Where(call => call.Customer == customer).Select(call => call.Values[EventValueNames.Text]));
        }

        await WaitUntilOutboxIsEmptyAsync();
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_backoff_and_the_customers_later_events_wait_behind_it()
    {
        _harness.Events.FailingCalls = 2;

        await Outbox.EnqueueAsync(Customer, EventNames.StaffTaken, Staff("Anna"), deliveryId: null, default);
        await _harness.Events.NextCallAsync();
        await WaitForFailedAttemptsAsync(1);
        await Outbox.EnqueueAsync(Customer, EventNames.StaffDone, Staff("Anna"), deliveryId: null, default);

        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(EventNames.StaffTaken, (await _harness.Events.NextCallAsync()).Event);
        await WaitForFailedAttemptsAsync(2);

        // Another customer is not held up by the first one's failing event.
        await Outbox.EnqueueAsync(OtherCustomer, EventNames.StaffDone, Staff("Boris"), deliveryId: null, default);
        Assert.Equal(OtherCustomer, (await _harness.Events.NextCallAsync()).Customer);

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var third = await _harness.Events.NextCallAsync();
        var fourth = await _harness.Events.NextCallAsync();

        Assert.Equal((EventNames.StaffTaken, "Anna"), (third.Event, third.Values[EventValueNames.Staff]));
        Assert.Equal((Customer, EventNames.StaffDone), (fourth.Customer, fourth.Event));
        Assert.Equal(
            [EventNames.StaffTaken, EventNames.StaffTaken, EventNames.StaffTaken, EventNames.StaffDone],
            _harness.Events.Calls.Where(call => call.Customer == Customer).Select(call => call.Event));
        await WaitUntilOutboxIsEmptyAsync();
    }

    [Fact]
    public async Task An_event_queued_again_under_its_delivery_id_while_it_waits_is_delivered_once()
    {
        await QueueAnEventWhoseFirstDeliveryFailsAsync();
        await Outbox.EnqueueAsync(Customer, EventNames.StaffDone, Staff("Anna"), deliveryId: "ticket-7-done", default);
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await _harness.Events.NextCallAsync();
        await WaitUntilOutboxIsEmptyAsync();

        Assert.Equal(2, _harness.Events.Calls.Count);
    }

    [Fact]
    public async Task An_event_another_instance_delivered_after_this_one_listed_it_costs_no_second_turn()
    {
        await QueueAnEventWhoseFirstDeliveryFailsAsync();
        // What a second instance listed while the event was due, before the first delivered it.
        var listed = (await QueuedAsync()).Select(e => e with { NextAttemptAt = _harness.Time.GetUtcNow() }).ToList();
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await _harness.Events.NextCallAsync();
        await WaitUntilOutboxIsEmptyAsync();

        var stale = new StaleListingQueue(_harness.Get<IQueuedEvents>(), listed);
        await RunSecondDispatcherAsync(stale);

        Assert.Equal(2, _harness.Events.Calls.Count);
    }

    [Fact]
    public async Task An_event_that_failed_on_another_instance_after_this_one_listed_it_waits_for_its_retry()
    {
        await QueueAnEventWhoseFirstDeliveryFailsAsync();
        // Listed as it was before the failure: due now, no attempt made.
        var listed = (await QueuedAsync()).Select(e => e with { FailedAttempts = 0, NextAttemptAt = e.QueuedAt }).ToList();

        var stale = new StaleListingQueue(_harness.Get<IQueuedEvents>(), listed);
        await RunSecondDispatcherAsync(stale);

        Assert.Single(_harness.Events.Calls);
        Assert.Equal(1, (await QueuedAsync()).Single().FailedAttempts);
    }

    [Fact]
    public async Task An_unreachable_customers_event_is_dropped_not_retried()
    {
        _harness.Events.Reachable = false;

        await Outbox.EnqueueAsync(Customer, EventNames.StaffDone, Staff("Anna"), deliveryId: null, default);
        await _harness.Events.NextCallAsync();
        await WaitUntilOutboxIsEmptyAsync();
        _harness.Time.Advance(TimeSpan.FromHours(1));
        _harness.Events.Reachable = true;
        await Outbox.EnqueueAsync(OtherCustomer, EventNames.StaffDone, Staff("Anna"), deliveryId: null, default);

        Assert.Equal(OtherCustomer, (await _harness.Events.NextCallAsync()).Customer);
        Assert.Single(_harness.Events.Calls, call => call.Customer == Customer);
    }

    [Fact]
    public async Task Erasing_a_customer_removes_their_queued_events()
    {
        _harness.Events.FailingCalls = 1;
        await Outbox.EnqueueAsync(Customer, EventNames.StaffMessage, Text(1), deliveryId: null, default);
        await _harness.Events.NextCallAsync();
        await WaitForFailedAttemptsAsync(1);

        await _harness.Get<IPersonalDataEraser>().EraseAsync(Customer, default);

        await WaitUntilOutboxIsEmptyAsync();
    }

    /// <summary>Queues staff_done under a delivery id and lets its first delivery fail, so it waits for a retry.</summary>
    private async Task QueueAnEventWhoseFirstDeliveryFailsAsync()
    {
        _harness.Events.FailingCalls = 1;
        await Outbox.EnqueueAsync(Customer, EventNames.StaffDone, Staff("Anna"), deliveryId: "ticket-7-done", default);
        await _harness.Events.NextCallAsync();
        await WaitForFailedAttemptsAsync(1);
    }

    /// <summary>Runs a dispatcher as a second instance would, on <paramref name="queue"/>, until it is done with its first listing.</summary>
    private async Task RunSecondDispatcherAsync(StaleListingQueue queue)
    {
        using var second = new EventDispatcher(
            queue,
            _harness.Events,
            _harness.Get<EventDeliveryOrder>(),
            _harness.Time,
            _harness.Get<BlockBot.Support.Diagnostics.SupportMetrics>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EventDispatcher>.Instance);
        await second.StartAsync(default);
        await queue.ListedAgain.WaitAsync(TestTimeouts.Generous);
        await second.StopAsync(default);
    }

    private static Dictionary<string, string> Staff(string name) => new() { [EventValueNames.Staff] = name };

    private static Dictionary<string, string> Text(int i) =>
        new() { [EventValueNames.Staff] = "Anna", [EventValueNames.Text] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private Task<IReadOnlyList<QueuedEvent>> QueuedAsync() =>
        _harness.Get<IQueuedEvents>().ListDueAsync(DateTimeOffset.MaxValue.AddYears(-1), 1000, default);

    private Task WaitForFailedAttemptsAsync(int failed) =>
        Eventually.HoldsAsync(async () => await QueuedAsync() is [{ FailedAttempts: var f }, ..] && f == failed, $"{failed} failed attempts recorded");

    private Task WaitUntilOutboxIsEmptyAsync() => Eventually.HoldsAsync(async () => (await QueuedAsync()).Count == 0, "an empty outbox");
}
