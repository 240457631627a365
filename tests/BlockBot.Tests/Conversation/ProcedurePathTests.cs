using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Conversation;

/// <summary>Every path of PROCEDURE.md, played as tables of turns over the real dialogs/ files.</summary>
public sealed class ProcedurePathTests : ConversationTestBase
{
    [Fact]
    public Task First_block_with_an_appeal_runs_through_to_the_chats_only_reminder() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User("Ещё не обращались"), Bot("blocked", "appeal_how"), Bot("blocked", "appeal_meanwhile"),
        Bot("blocked", "followup_date"), Bot("blocked", "wait_answer", "unblocked", "refused", "no_answer"),
        TimePasses(TimeSpan.FromDays(1)),
        Bot("blocked", "followup"), Bot("blocked", "wait_answer"),
        User("Разблокировали"), Bot("blocked", "clearing_opened"), Bot("blocked", "clearing_dont_reconnect"),
        Check("the card carries what the dialog collected", host =>
        {
            var card = Assert.Single(host.StaffChat.Posted);
            Assert.Equal((TicketKind.QueueClearing, "Продажи", false, false), (card.Kind, card.Line, card.CrmMarketing, card.Repeated));
            return Task.CompletedTask;
        }),
        .. Scripts.StaffTakeAndConfirm(),
        .. Scripts.ReconnectThroughChatsOnly(),
        User("/status"), BotText("status_none"),
    ]);

    [Fact]
    public Task Staff_pressing_take_and_done_twice_are_heard_once() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        StaffTakes(), BotText("event_staff_taken"),
        StaffTakes(),
        StaffDone(), Bot("blocked", "cleared"),
        Check("a second done by the same person succeeds and says nothing more", async host =>
        {
            var customer = new CustomerId(Microsoft.Bot.Connector.Channels.Test, "customer-1");
            var ticket = Assert.Single(await host.Services.GetRequiredService<ITicketRepository>().ListForCustomerAsync(customer, CancellationToken.None));
            var again = await host.StaffDesk.DoneAsync(ticket.Id, Staffer, CancellationToken.None);
            Assert.True(again.Succeeded, again.Message);
        }),
        .. Scripts.ReconnectThroughChatsOnly(),
    ]);

    [Fact]
    public Task Repeated_block_waits_on_phone_and_web_before_reconnecting() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(repeated: true),
        .. Scripts.UnblockedAndClearingRequested(),
        .. Scripts.StaffTakeAndConfirm(),
        Bot("blocked", "phone_only_rules"), Bot("blocked", "phone_only_honest"),
        User("/status"), Bot(Expected.TextLines("status_case", "status_reminder").Containing("28 ноября 2026")),
        TimePasses(TimeSpan.FromDays(3)),
        Bot("blocked", "phone_only_done"),
        .. Scripts.ReconnectThroughChatsOnly(),
    ]);

    [Fact]
    public Task A_second_block_on_the_same_line_is_recognised_and_the_customer_confirms_it() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        .. Scripts.StaffTakeAndConfirm(),
        .. Scripts.ReconnectThroughChatsOnly(),
        TimePasses(TimeSpan.FromDays(20)),
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("  продажи "), Bot(Expected.Step("blocked", "ask_repeated_known").Containing("25 ноября 2026")),
        User("да"), Bot("blocked", "ask_crm"),
    ]);

    [Fact]
    public Task A_cancelled_case_does_not_count_as_an_earlier_block() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User("/cancel"), BotText("cancelled"),
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("Продажи"), Bot("blocked", "ask_repeated"),
    ]);

    [Fact]
    public Task WhatsApp_refused_hands_a_vm_change_to_support_then_reconnects() => PlayAsync(
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose"),
        User("3"), Bot("refused", "cause"), Bot("refused", "honest"), Bot("refused", "support_side"), Bot("refused", "ask_line"),
        User("Маркетинг"), Bot("refused", "ask_crm"),
        User("да"), Bot("refused", "ask_repeated"),
        User("нет"), Bot("refused", "ask_handoff", "yes", "no"),
        User("да"), Bot("refused", "request_opened"), Bot("refused", "request_dont_connect"),
        Check("the card asks for a VM change", host =>
        {
            var card = Assert.Single(host.StaffChat.Posted);
            Assert.Equal((TicketKind.VmChange, "Маркетинг", true), (card.Kind, card.Line, card.CrmMarketing));
            return Task.CompletedTask;
        }),
        StaffDone(), Bot("refused", "line_ready"), Bot("refused", "chats_only_ahead"),
        .. Scripts.ReconnectThroughChatsOnly(),
    ]);

    [Fact]
    public Task A_clearing_too_soon_gets_a_date_and_the_ticket_opens_by_itself_then() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        .. Scripts.StaffTakeAndConfirm(),
        Bot("reconnect", "how_to_reconnect"), Bot("reconnect", "ask_connected"),
        TimePasses(TimeSpan.FromDays(1)),
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("Продажи"), Bot("blocked", "ask_repeated_known"),
        User("да"), Bot("blocked", "ask_crm"),
        User("нет"), Bot("blocked", "ask_unblock_state"),
        User("1"), Bot("blocked", "scheduled_limit"), Bot(Expected.Step("blocked", "scheduled_date").Containing("30 ноября 2026")),
        User("когда?"), Bot(Expected.Step("blocked", "scheduled_wait").Containing("30 ноября 2026")),
        Check("no second card yet", host =>
        {
            Assert.Single(host.StaffChat.Posted);
            return Task.CompletedTask;
        }),
        TimePasses(TimeSpan.FromDays(4)),
        Bot("blocked", "ticket_opened"),
        Check("the card reached the staff chat at the date", host =>
        {
            Assert.Equal(2, host.StaffChat.Posted.Count);
            Assert.Equal(BotHost.Start + TimeSpan.FromDays(5), host.StaffChat.Posted.Last().OpensAt);
            return Task.CompletedTask;
        }),
        StaffDone(), Bot("blocked", "cleared"),
        Bot("blocked", "phone_only_rules"), Bot("blocked", "phone_only_honest"),
    ]);

    [Fact]
    public Task Staff_actions_in_quick_succession_reach_the_customer_in_their_order() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        StaffTakes(), StaffReplies("Смотрю вашу линию"), StaffDone(),
        BotText("event_staff_taken"),
        Bot(Expected.Text("staff_message").Containing("Смотрю вашу линию")),
        Bot("blocked", "cleared"), Bot("reconnect", "how_to_reconnect"), Bot("reconnect", "ask_connected"),
    ]);

    [Fact]
    public Task Staff_decline_tells_the_reason_and_offers_a_retry() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        StaffDeclines("Номер ещё заблокирован, проверьте в WhatsApp"),
        Bot(Expected.Step("blocked", "declined").Containing("Номер ещё заблокирован, проверьте в WhatsApp")),
        Bot("blocked", "after_decline", "retry", "person"),
        User("Отправить заявку ещё раз"), Bot("blocked", "clearing_opened"), Bot("blocked", "clearing_dont_reconnect"),
        Check("a declined clearing frees its slot, so the retry opens at once", host =>
        {
            Assert.Equal(2, host.StaffChat.Posted.Count);
            Assert.Equal(TicketState.Open, host.StaffChat.Posted.Last().State);
            return Task.CompletedTask;
        }),
    ]);

    [Fact]
    public Task Causes_answer_explains_and_can_lead_into_the_procedure() => PlayAsync(
    [
        User("почему блокируют номера?"), Bot("causes", "causes"), Bot("causes", "main_cause"), Bot("causes", "prevention"), Bot("causes", "ask_blocked_now"),
        User("да"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
    ]);
}
