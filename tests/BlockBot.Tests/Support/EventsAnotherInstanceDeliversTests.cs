using System.Globalization;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;

namespace BlockBot.Tests.Support;

/// <summary>
/// The outbox's dispatcher beside another instance that lists the same events and is delivering some customers' now.
/// </summary>
public sealed class EventsAnotherInstanceDeliversTests : IAsyncLifetime
{
    // As many customers as the dispatcher delivers to at once.
    private const int BusyCustomers = 64;

    private readonly AnotherInstanceHolding _otherInstance = new();
    private SupportHarness _harness = null!;

    private IEventOutbox Outbox => _harness.Get<IEventOutbox>();

    public async Task InitializeAsync() => _harness = await SupportHarness.StartAsync(crossInstance: _otherInstance);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Customers_another_instance_is_delivering_to_do_not_hold_up_other_customers_events()
    {
        var busy = Enumerable.Range(1, BusyCustomers).Select(i => new CustomerId("telegram", (3000 + i).ToString(CultureInfo.InvariantCulture))).ToList();
        foreach (var customer in busy)
        {
            _otherInstance.Hold(EventDeliveryOrder.Scope, EventOutbox.GroupOf(customer));
            await Outbox.EnqueueAsync(customer, EventNames.StaffDone, Staff, deliveryId: null, default);
        }

        var waiting = new CustomerId("telegram", "4001");
        await Outbox.EnqueueAsync(waiting, EventNames.StaffDone, Staff, deliveryId: null, default);

        Assert.Equal(waiting, (await _harness.Events.NextCallAsync()).Customer);

        // The other instance lets go without having delivered them: they are this one's again.
        _otherInstance.ReleaseAll();
        await Eventually.HoldsAsync(() => Task.FromResult(_harness.Events.Calls.Count == BusyCustomers + 1), "every customer's event delivered");
        Assert.Equal(busy.Append(waiting).Select(customer => customer.Key).Order(), _harness.Events.Calls.Select(call => call.Customer.Key).Order());
    }

    private static Dictionary<string, string> Staff => new() { [EventValueNames.Staff] = "Anna" };
}
