using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Conversation;

/// <summary>Global commands in the middle of a dialog, and input the bot cannot use.</summary>
public sealed class CommandsAndInputTests : ConversationTestBase
{
    [Fact]
    public Task Cancel_in_the_middle_stops_the_case_and_leaves_nothing_running() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User("/cancel"), BotText("cancelled"),
        User("/status"), BotText("status_none"),
        User("/cancel"), BotText("nothing_to_cancel"),
    ]);

    [Fact]
    public Task Cancel_while_support_works_withdraws_the_ticket() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        User("/cancel"), BotText("cancelled"),
        Check("staff see the ticket withdrawn and it is no longer active", async host =>
        {
            Assert.Contains(host.StaffChat.Updated, t => t.State == TicketState.Withdrawn);
            Assert.Empty(await host.StaffDesk.ListActiveAsync(CancellationToken.None));
        }),
    ]);

    [Fact]
    public Task Status_in_the_middle_reports_the_case_and_asks_the_open_question_again() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User("/status"), Bot(Expected.TextLines("status_case").Containing("Продажи")),
        Bot("blocked", "ask_unblock_state"),
        User("1"), Bot("blocked", "clearing_opened"), Bot("blocked", "clearing_dont_reconnect"),
        User("/status"), Bot(Expected.TextLines("status_case", "status_ticket").Containing("№1")),
    ]);

    [Fact]
    public Task Lang_switches_the_language_and_repeats_the_question_in_it() => PlayAsync(
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose"),
        User("1"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("/lang en"), Bot(Expected.Text("lang_switched").In("en")), Bot(Expected.Step("blocked", "ask_line").In("en")),
        User("Sales"), Bot(Expected.Step("blocked", "ask_repeated").In("en")),
        User("/lang de"), Bot(Expected.Text("lang_usage").In("en")), Bot("blocked", "ask_repeated"),
        User("No"), Bot(Expected.Step("blocked", "ask_crm").In("en")),
        User("/lang ru"), Bot(Expected.Text("lang_switched").In("ru")), Bot(Expected.Step("blocked", "ask_crm").In("ru")),
    ]);

    [Fact]
    public Task Operator_in_the_middle_hands_off_relays_until_staff_close_and_returns_to_the_question() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User("/operator"), Bot("operator", "handed_off"),
        Check("a general-question ticket reached the staff chat", host =>
        {
            Assert.Equal(TicketKind.GeneralQuestion, Assert.Single(host.StaffChat.Posted).Kind);
            return Task.CompletedTask;
        }),
        User("Номер заблокировали вчера вечером"), BotText("relayed"),
        Check("the message reached the person", host =>
        {
            Assert.Equal("Номер заблокировали вчера вечером", Assert.Single(host.StaffChat.Relayed).Text);
            return Task.CompletedTask;
        }),
        StaffReplies("Здравствуйте, я Анна, помогу."), Bot(Expected.Text("staff_message").Containing("Здравствуйте, я Анна, помогу.")),
        StaffDone(), Bot("operator", "closed"), Bot("blocked", "ask_unblock_state"),
    ]);

    [Fact]
    public Task Forget_asks_first_and_then_erases_everything() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        User("/forget"), Bot("forget", "confirm", "yes", "no"),
        User("нет"), Bot("forget", "keep"),
        User("/forget"), Bot("forget", "confirm"),
        User("да"), Bot("forget", "erased"),
        Check("the open ticket shows as withdrawn to staff", host =>
        {
            Assert.Contains(host.StaffChat.Updated, t => t.State == TicketState.Withdrawn);
            return Task.CompletedTask;
        }),
        User("/status"), BotText("status_none"),
        StaffTurnIsImpossible(),
    ]);

    [Fact]
    public Task A_wrong_answer_is_asked_again_twice_then_a_person_is_offered() => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("Продажи"), Bot("blocked", "ask_repeated", "yes", "no"),
        User("может быть"), BotText("retry_yesno"), Bot("blocked", "ask_repeated", "yes", "no"),
        User("не знаю даже"), BotText("retry_yesno"), Bot("blocked", "ask_repeated"),
        User("???"), BotText("offer_person"), Bot("blocked", "ask_repeated", "yes", "no", "__person"),
        User("Да"), Bot("blocked", "ask_crm", "yes", "no"),
    ]);

    [Fact]
    public Task The_offered_person_button_hands_off() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User("что?"), BotText("retry_choice"), Bot("blocked", "ask_unblock_state"),
        User("а?"), BotText("retry_choice"), Bot("blocked", "ask_unblock_state"),
        User("эээ"), BotText("offer_person"), Bot("blocked", "ask_unblock_state", "unblocked", "appealed", "not_appealed", "refused", "__person"),
        User("5"), Bot("operator", "handed_off"),
        StaffDone(), Bot("operator", "closed"), Bot("blocked", "ask_unblock_state"),
    ]);

    [Theory]
    [InlineData("2")]
    [InlineData("Обращение отправили, ждём ответа")]
    [InlineData("обращение отправили ждем ответа")]
    [InlineData("Обращение отправли, ждём отвта")]
    [InlineData("appealed")]
    public Task A_choice_is_picked_by_number_text_or_a_close_typo(string answer) => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User(answer), Bot("blocked", "followup_date"), Bot("blocked", "wait_answer"),
    ]);

    [Fact]
    public Task A_line_name_over_100_characters_is_refused_with_the_limits() => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User(new string('л', 101)), Bot(Expected.Hint("blocked", "ask_line")), Bot("blocked", "ask_line"),
        User(new string('л', 100)), Bot("blocked", "ask_repeated"),
    ]);

    [Fact]
    public Task A_10000_character_message_gets_a_polite_answer_and_nothing_breaks() => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User(new string('ж', 10_000)), Bot(Expected.Text("too_long").Containing("2000")), Bot("blocked", "ask_line"),
        User("Продажи"), Bot("blocked", "ask_repeated"),
    ]);

    [Theory]
    [InlineData("image/webp")]
    [InlineData("image/jpeg")]
    [InlineData("audio/ogg")]
    public Task A_sticker_photo_or_voice_note_gets_asked_for_text(string contentType) => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        UserSendsAttachment(contentType), BotText("non_text"), Bot("blocked", "ask_line"),
        User("Продажи"), Bot("blocked", "ask_repeated"),
    ]);

    [Fact]
    public Task An_unknown_command_is_explained_and_the_question_repeated() => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("/frobnicate"), BotText("unknown_command"), Bot("blocked", "ask_line"),
    ]);

    [Fact]
    public Task Messages_while_support_works_reach_the_staff_card() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        User("Мы всё проверили, номер активен"), BotText("relayed"),
        Check("the card's thread got the message", host =>
        {
            Assert.Equal("Мы всё проверили, номер активен", Assert.Single(host.StaffChat.Relayed).Text);
            return Task.CompletedTask;
        }),
    ]);

    private static Turn StaffTurnIsImpossible() => Check("no ticket is left for staff to act on", async host =>
        Assert.Empty(await host.StaffDesk.ListActiveAsync(CancellationToken.None)));
}
