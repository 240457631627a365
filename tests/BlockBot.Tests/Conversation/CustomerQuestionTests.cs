using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Understanding;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Conversation;

/// <summary>
/// Customers' own words at every place text arrives, over the real dialogs/ and questions.yaml: answered, then back
/// to where they were with nothing they gave lost.
/// </summary>
public sealed class CustomerQuestionTests : ConversationTestBase
{
    /// <summary>Topics whose answer is all there is to say, asked as customers ask (none of these is an example in questions.yaml).</summary>
    public static TheoryData<string, string> AnswerOnlyQuestions => new()
    {
        { "another_number", "а можно на время подрубить другую симку к этой линии?" },
        { "unblock_time", "сколько обычно ждать пока ватсап разблокирует?" },
        { "clearing_limit", "как часто вы вообще делаете очистку очереди?" },
        { "repeat_wait", "нас заблочили второй раз, когда можно подключать номер обратно к сервису?" },
        { "after_reconnect", "номер снова подключили, что можно делать в первые дни?" },
        { "groups", "можно ли создавать группы через ваш сервис?" },
        { "mailings", "как нам делать рассылки, чтобы снова не забанили?" },
        { "warm_up", "как правильно прогреть новый номер перед подключением?" },
        { "qr", "как заново подключить номер через qr код?" },
        { "guarantee", "а вы можете гарантировать, что больше не заблокируют?" },
        { "thanks", "спасибо большое за помощь" },
        { "unblock_time", "how long does whatsapp usually take to lift a ban?" },
        { "groups", "can we create whatsapp groups through the connector?" },
    };

    [Theory]
    [MemberData(nameof(AnswerOnlyQuestions))]
    public Task A_question_as_the_first_message_is_answered(string topic, string question) => PlayAsync(
    [
        User(question), Bot(Expected.Answer(topic)),
    ]);

    [Theory]
    [MemberData(nameof(AnswerOnlyQuestions))]
    public Task A_question_at_the_menu_is_answered_and_the_menu_asked_again(string topic, string question) => PlayAsync(
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose"),
        User(question), Bot(Expected.Answer(topic)), Bot("menu", "choose", "blocked", "causes", "refused", "appeal", "operator"),
        User("1"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
    ]);

    [Theory]
    [MemberData(nameof(AnswerOnlyQuestions))]
    public Task A_question_at_the_line_name_step_is_answered_and_never_taken_for_the_line(string topic, string question) => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User(question), Bot(Expected.Answer(topic)), Bot("blocked", "ask_line"),
        .. LineRepeatedCrmAndClearing("Продажи", crm: "нет"),
        CardCarries("Продажи", crm: false),
    ]);

    [Theory]
    [MemberData(nameof(AnswerOnlyQuestions))]
    public Task A_question_at_a_yes_no_step_is_answered_and_the_step_asked_again(string topic, string question) => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("WA Москва"), Bot("blocked", "ask_repeated", "yes", "no"),
        User("нет"), Bot("blocked", "ask_crm", "yes", "no"),
        User(question), Bot(Expected.AnswerKnowing(topic, LineKnown("WA Москва"))), Bot("blocked", "ask_crm", "yes", "no"),
        User("да"), Bot("blocked", "crm_note"), Bot("blocked", "ask_unblock_state"),
        User("1"), Bot("blocked", "clearing_opened"), Bot("blocked", "clearing_dont_reconnect"),
        CardCarries("WA Москва", crm: true),
    ]);

    [Theory]
    [InlineData("Здравствуйте, WhatsApp заблокировал наш номер")]
    [InlineData("Hello, WhatsApp blocked my number")]
    public Task Saying_the_number_is_blocked_at_the_menu_starts_the_procedure(string message) => PlayAsync(
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose"),
        User(message), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
    ]);

    [Fact]
    public Task A_refusal_told_as_the_first_message_starts_the_refusal_procedure() => PlayAsync(
    [
        User("ватсап отказал в разблокировке, номер не вернут"),
        Bot("refused", "cause"), Bot("refused", "honest"), Bot("refused", "support_side"), Bot("refused", "ask_line"),
    ]);

    [Fact]
    public Task Why_numbers_get_blocked_as_the_first_message_explains_the_causes() => PlayAsync(
    [
        User("почему ватсап вообще блокирует номера?"),
        Bot("causes", "causes"), Bot("causes", "main_cause"), Bot("causes", "prevention"), Bot("causes", "ask_blocked_now"),
    ]);

    [Fact]
    public Task Asking_for_a_person_as_the_first_message_hands_off() => PlayAsync(
    [
        User("соедините меня с живым человеком"), Bot("operator", "handed_off"),
    ]);

    [Theory]
    [InlineData("Продажи")]
    [InlineData("Sales-2")]
    [InlineData("WA Москва")]
    [InlineData("Отдел продаж СПб")]
    [InlineData("Рассылки")]
    public Task A_plain_line_name_is_taken_as_the_line(string line) => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        .. LineRepeatedCrmAndClearing(line, crm: "нет"),
        CardCarries(line, crm: false),
    ]);

    [Fact]
    public Task Two_close_topics_at_the_menu_are_offered_as_buttons_and_a_typed_number_picks_one() => PlayAsync(
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose"),
        User("наш ватсап бан что теперь"), BotText("did_you_mean", "topic:unblocked", "topic:refused", "__person"),
        User("2"), Bot("refused", "cause"), Bot("refused", "honest"), Bot("refused", "support_side"), Bot("refused", "ask_line"),
    ]);

    [Fact]
    public Task The_person_button_of_did_you_mean_hands_off() => PlayAsync(
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose"),
        User("наш ватсап бан что теперь"), BotText("did_you_mean"),
        User("__person"), Bot("operator", "handed_off"),
    ]);

    [Fact]
    public Task Asking_why_at_a_step_explains_that_step_and_asks_again() => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("а зачем вам название линии?"), Bot(Expected.Reason("blocked", "ask_line")), Bot("blocked", "ask_line"),
        User("Продажи"), Bot("blocked", "ask_repeated"),
        User("нет"), Bot("blocked", "ask_crm"),
        User("а зачем вам это знать?"), Bot(Expected.Reason("blocked", "ask_crm")), Bot("blocked", "ask_crm", "yes", "no"),
        User("нет"), Bot("blocked", "ask_unblock_state"),
    ]);

    [Fact]
    public Task Yes_followed_by_a_question_answers_yes() => PlayAsync(
    [
        User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User("Продажи"), Bot("blocked", "ask_repeated"),
        User("нет"), Bot("blocked", "ask_crm"),
        User("да, а почему так?"), Bot("blocked", "crm_note"), Bot("blocked", "ask_unblock_state"),
    ]);

    [Fact]
    public Task Where_is_my_request_answers_with_the_status_and_returns_to_the_step() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        StaffTakes(), BotText("event_staff_taken"),
        User("что там с моей заявкой?"), Bot(Expected.AnswerKnowing("status", LineKnown("Продажи"))),
        Bot(Expected.TextLines("status_case", "status_ticket").Containing("Anna")),
    ]);

    [Fact]
    public Task When_is_my_next_clearing_answers_with_the_date_from_the_customers_own_history() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        .. Scripts.StaffTakeAndConfirm(),
        .. Scripts.ReconnectThroughChatsOnly(),
        User("когда для нашей линии снова можно сделать очистку очереди?"),
        Bot(Expected.KnownAnswer("next_clearing").Containing("Продажи").Containing("30 ноября")),
        BotText("offer_dialog", "dialog:blocked", "no_thanks"),
        User("нет"), BotText("offer_declined"),
    ]);

    [Fact]
    public Task An_out_of_scope_message_says_so_and_offers_a_person() => PlayAsync(
    [
        User("сколько стоит продлить подписку на коннектор на год?"), Bot(Expected.Answer("out_of_scope")),
        BotText("person_available", "__person"),
        User("1"), Bot("operator", "handed_off"),
    ]);

    [Fact]
    public Task A_message_not_understood_is_kept_for_support_until_the_customer_forgets() => PlayAsync(
    [
        User("фыва пролд жэ"), BotText("not_understood"), Bot("menu", "greet"), Bot("menu", "choose"),
        Check("the message waits for support", async host =>
        {
            var kept = Assert.Single(await Unanswered(host).ListAsync(10, CancellationToken.None));
            Assert.Equal(("фыва пролд жэ", "ru", "start"), (kept.Text, kept.Language, kept.Place));
        }),
        User("/forget"), Bot("forget", "confirm"),
        User("да"), Bot("forget", "erased"),
        Check("/forget erased it", async host => Assert.Empty(await Unanswered(host).ListAsync(10, CancellationToken.None))),
    ]);

    [Theory]
    [InlineData("😀😀😀")]
    [InlineData("?")]
    [InlineData("1234567")]
    [InlineData("щщщщ ъъъ")]
    public Task Odd_first_messages_are_not_understood_and_get_the_menu(string message) => PlayAsync(
    [
        User(message), BotText("not_understood"), Bot("menu", "greet"), Bot("menu", "choose"),
    ]);

    [Fact]
    public Task Markup_is_outside_what_the_bot_knows() => PlayAsync(
    [
        User("<b>привет</b><script>alert(1)</script>"), Bot(Expected.Answer("out_of_scope")), BotText("person_available", "__person"),
    ]);

    [Fact]
    public Task Mixed_scripts_and_typos_are_still_understood() => PlayAsync(
    [
        User("можнo ли пoдключить другoй нoмер пока этот в бане"), Bot(Expected.Answer("another_number")),
    ]);

    /// <summary>What the bot knows once the customer gave the line: its name, and that no clearing stands in the way.</summary>
    private static Dictionary<string, string> LineKnown(string line) => new() { ["line"] = line, ["clearing_now"] = "yes" };

    private static IUnansweredMessages Unanswered(BotHost host) => host.Services.GetRequiredService<IUnansweredMessages>();

    private static Turn[] LineRepeatedCrmAndClearing(string line, string crm) =>
    [
        User(line), Bot("blocked", "ask_repeated", "yes", "no"),
        User("нет"), Bot("blocked", "ask_crm", "yes", "no"),
        User(crm), Bot("blocked", "ask_unblock_state"),
        User("1"), Bot("blocked", "clearing_opened"), Bot("blocked", "clearing_dont_reconnect"),
    ];

    private static Turn CardCarries(string line, bool crm) => Check("the staff card carries what the customer gave", host =>
    {
        var card = Assert.Single(host.StaffChat.Posted);
        Assert.Equal((TicketKind.QueueClearing, line, crm), (card.Kind, card.Line, card.CrmMarketing));
        return Task.CompletedTask;
    });
}
