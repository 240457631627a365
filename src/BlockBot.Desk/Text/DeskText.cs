using BlockBot.Conversation;
using BlockBot.Support.Tickets;
using Microsoft.AspNetCore.Http;

namespace BlockBot.Desk.Text;

/// <summary>Every word the desk shows, in Russian and English, in the request's <see cref="DeskLanguage"/>.</summary>
public sealed class DeskText(IHttpContextAccessor accessor, DateDisplay dates)
{
    private string? _language;

    public string Language => _language ??= accessor.HttpContext is { } context ? DeskLanguage.Of(context) : DeskLanguage.English;

    public bool IsRussian => Language == DeskLanguage.Russian;

    public string Desk => Pick("Staff desk", "Рабочее место поддержки");
    public string SkipToContent => Pick("Skip to content", "К содержимому");
    public string OtherLanguageName => Pick("Русский", "English");
    public string OtherLanguage => IsRussian ? DeskLanguage.English : DeskLanguage.Russian;
    public string SwitchLanguage => Pick("Показывать по-русски", "Show in English");

    public string SignIn => Pick("Sign in", "Вход");
    public string SignInButton => Pick("Sign in", "Войти");
    public string SignOut => Pick("Sign out", "Выйти");
    public string Name => Pick("Name", "Имя");
    public string Password => Pick("Password", "Пароль");
    public string WrongNameOrPassword => Pick("Wrong name or password.", "Неверное имя или пароль.");
    public string SignInHint => Pick(
        "Accounts are added by an administrator with the command staff add NAME.",
        "Учётные записи создаёт администратор командой staff add ИМЯ.");

    public string LockedUntil(DateTimeOffset until) => Pick(
        $"Too many wrong passwords: sign-in is locked until {Date(until)}.",
        $"Слишком много неверных паролей: вход закрыт до {Date(until)}.");

    public string Queue => Pick("Queue", "Очередь");
    public string Staff => Pick("Staff", "Сотрудники");
    public string RoleName(string role) => role == "lead" ? Pick("lead", "руководитель") : Pick("agent", "агент");

    public string ActiveTickets(int count) => Pick($"{count} active", $"активных: {count}");
    public string QueueEmpty => Pick("No tickets match. New ones appear here by themselves.", "Подходящих заявок нет. Новые появятся здесь сами.");
    public string LiveHint => Pick("The list updates by itself.", "Список обновляется сам.");
    public string Filter => Pick("Show", "Показать");
    public string State => Pick("State", "Состояние");
    public string Kind => Pick("Kind", "Вид");
    public string AllActive => Pick("All active", "Все активные");
    public string AllKinds => Pick("All kinds", "Все виды");
    public string Ticket => Pick("Ticket", "Заявка");
    public string Line => Pick("Line", "Линия");
    public string Waiting => Pick("Waiting", "Ждёт");
    public string HeldBy => Pick("Held by", "У кого");
    public string Nobody => Pick("nobody yet", "ещё ни у кого");
    public string Opens(DateTimeOffset at) => Pick($"opens {Date(at)}", $"откроется {Date(at)}");

    public string KindName(TicketKind kind) => kind switch
    {
        TicketKind.QueueClearing => Pick("Queue clearing", "Очистка очереди"),
        TicketKind.VmChange => Pick("VM change and queue clearing", "Смена ВМ и очистка очереди"),
        _ => Pick("General question", "Общий вопрос"),
    };

    public string StateName(TicketState state) => state switch
    {
        TicketState.Scheduled => Pick("Scheduled", "Запланирована"),
        TicketState.Open => Pick("Open", "Открыта"),
        TicketState.Taken => Pick("Taken", "В работе"),
        TicketState.Done => Pick("Done", "Выполнена"),
        TicketState.Declined => Pick("Declined", "Отклонена"),
        _ => Pick("Withdrawn", "Отозвана"),
    };

    /// <summary>The ticket's state in a sentence: who holds it, when it opens, why it was declined.</summary>
    public string StateSentence(HandoffTicket ticket) => ticket.State switch
    {
        TicketState.Scheduled => Pick($"Scheduled: opens {Date(ticket.OpensAt)}.", $"Запланирована: откроется {Date(ticket.OpensAt)}."),
        TicketState.Open => Pick("Open: waiting for someone to take it.", "Открыта: ждёт, когда её возьмут."),
        TicketState.Taken => Pick($"Taken by {ticket.HandledBy}.", $"В работе у {ticket.HandledBy}."),
        TicketState.Done => Pick($"Done by {ticket.HandledBy}.", $"Выполнена: {ticket.HandledBy}."),
        TicketState.Declined => Pick($"Declined by {ticket.HandledBy}: {ticket.DeclineReason}", $"Отклонена ({ticket.HandledBy}): {ticket.DeclineReason}"),
        _ => Pick("Withdrawn: the customer erased their data.", "Отозвана: клиент удалил свои данные."),
    };

    public string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => Pick("just now", "только что"),
        { TotalHours: < 1 } => Pick($"{age.Minutes} min", $"{age.Minutes} мин"),
        { TotalDays: < 1 } => Pick($"{age.Hours} h {age.Minutes} min", $"{age.Hours} ч {age.Minutes} мин"),
        _ => Pick($"{(int)age.TotalDays} d {age.Hours} h", $"{(int)age.TotalDays} д {age.Hours} ч"),
    };

    public string Date(DateTimeOffset moment) => dates.Format(moment, Language);

    public string Details => Pick("What the dialog collected", "Что собрал диалог");
    public string CrmMarketing => Pick("CRM-marketing mailing before the block", "CRM-рассылка перед блокировкой");
    public string Block => Pick("Block", "Блокировка");
    public string FirstBlock => Pick("first", "первая");
    public string RepeatedBlock => Pick("repeated", "повторная");
    public string Yes => Pick("yes", "да");
    public string No => Pick("no", "нет");
    public string Unknown => Pick("not asked", "не спрашивали");
    public string Customer => Pick("Customer", "Клиент");
    public string CustomerLanguage(string language) => language == DeskLanguage.English ? Pick("writes in English", "пишет по-английски") : Pick("writes in Russian", "пишет по-русски");
    public string Created => Pick("Created", "Создана");
    public string Closed => Pick("Closed", "Закрыта");
    public string BackToQueue => Pick("← Queue", "← Очередь");

    public string LineHistory => Pick("This line's history with the customer", "История этой линии у клиента");
    public string NoLineHistory => Pick("Nothing else on this line.", "Больше ничего по этой линии.");
    public string Blocks => Pick("Reported blocks", "Сообщённые блокировки");
    public string Clearings => Pick("Clearings and VM changes", "Очистки и смены ВМ");
    public string Stage => Pick("Stage", "Этап");

    /// <summary>Where a reported block stands (<c>CaseStages</c>), or how it ended.</summary>
    public string StageName(string stage) => stage switch
    {
        "appeal" => Pick("appealing to WhatsApp", "обжалование в WhatsApp"),
        "awaiting_unblock" => Pick("waiting for the unblock", "ждёт разблокировки"),
        "clearing_requested" => Pick("clearing requested", "запрошена очистка"),
        "clearing_scheduled" => Pick("clearing scheduled", "очистка запланирована"),
        "phone_only" => Pick("phone only for now", "пока только с телефона"),
        "reconnect" => Pick("reconnecting", "переподключение"),
        "chats_only" => Pick("chats only for now", "пока только чаты"),
        "resolved" => Pick("resolved", "решена"),
        "refused" => Pick("WhatsApp refused", "WhatsApp отказал"),
        "cancelled" => Pick("cancelled", "отменена"),
        _ => stage,
    };

    public string ChannelName(string channel) => channel switch
    {
        "telegram" => "Telegram",
        "bitrix24" => "Bitrix24",
        "console" => Pick("console", "консоль"),
        _ => channel,
    };

    public string Actions => Pick("Actions", "Действия");
    public string Take => Pick("Take", "Взять");
    public string Done => Pick("Done", "Выполнено");
    public string Decline => Pick("Decline", "Отклонить");
    public string DeclineReason => Pick("Reason for declining (the customer is told)", "Причина отказа (её увидит клиент)");
    public string Reply => Pick("Reply to the customer", "Ответ клиенту");
    public string Send => Pick("Send", "Отправить");
    public string NoActions => Pick("Nothing can be done on this ticket now.", "С этой заявкой сейчас ничего сделать нельзя.");
    public string ReasonRequired => Pick("Write the reason for declining.", "Напишите причину отказа.");
    public string ReplyRequired => Pick("Write the reply first.", "Сначала напишите ответ.");
    public string TakenByYou => Pick("You took the ticket; the customer is told.", "Вы взяли заявку; клиенту сообщено.");
    public string DoneByYou => Pick("The ticket is done; the customer is told.", "Заявка выполнена; клиенту сообщено.");
    public string DeclinedByYou => Pick("The ticket is declined; the customer is told the reason.", "Заявка отклонена; клиенту сообщена причина.");
    public string ReplySent => Pick("Your reply is on its way to the customer.", "Ваш ответ отправляется клиенту.");
    public string ChangedMeanwhile(HandoffTicket ticket) => Pick(
        $"Nothing changed: the ticket changed while your page was open. {StateSentence(ticket)}",
        $"Ничего не изменено: заявка изменилась, пока страница была открыта. {StateSentence(ticket)}");
    public string NothingChanged(HandoffTicket ticket) => Pick($"Nothing changed. {StateSentence(ticket)}", $"Ничего не изменено. {StateSentence(ticket)}");
    public string NoSuchTicket => Pick("There is no such ticket (it may have been erased at the customer's request).", "Такой заявки нет (возможно, она удалена по просьбе клиента).");
    public string Conversation => Pick("Conversation", "Переписка");
    public string NoConversation => Pick("No messages are kept for this customer.", "Сообщений этого клиента не сохранено.");
    public string NewestLines(int count) => Pick($"The newest {count} messages.", $"Последние {count} сообщений.");
    public string CustomerSaid => Pick("Customer", "Клиент");
    public string BotSaid => Pick("Bot", "Бот");

    public string StaffAccounts => Pick("Staff accounts", "Учётные записи сотрудников");
    public string StaffHint => Pick(
        "Add, reset and disable accounts on the server: staff add NAME [--role agent|lead], staff reset NAME, staff disable NAME.",
        "Создание, сброс пароля и отключение — на сервере: staff add ИМЯ [--role agent|lead], staff reset ИМЯ, staff disable ИМЯ.");
    public string Role => Pick("Role", "Роль");
    public string Status => Pick("Status", "Статус");
    public string Active => Pick("active", "действует");
    public string Disabled => Pick("disabled", "отключена");
    public string LockedTill(DateTimeOffset until) => Pick($"locked until {Date(until)}", $"заблокирована до {Date(until)}");

    public string Lines => Pick("Lines", "Линии");
    public string LinesHint => Pick(
        "Every customer's line with its reported blocks, clearings and VM changes. The policy allows a clearing at least 5 days after the last and at most twice in 30 days. Open a line's name for its history.",
        "Все линии клиентов с их блокировками, очистками и сменами ВМ. Правило: очистка не раньше чем через 5 дней после предыдущей и не больше двух за 30 дней. Нажмите на название линии, чтобы увидеть историю.");
    public string NoLines => Pick("No line has been reported yet.", "Ни одной линии ещё не сообщали.");
    public string ClearingsDone => Pick("Clearings done", "Очисток");
    public string VmChangesDone => Pick("VM changes done", "Смен ВМ");
    public string NextClearing => Pick("Next clearing allowed", "Следующая очистка");
    public string Now => Pick("now", "сейчас");
    public string BlockCount(int blocks, int repeated) => Pick($"{blocks} ({repeated} repeated)", $"{blocks} (повторных: {repeated})");

    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(IsRussian ? "ru-RU" : "en-GB");
    public string Dashboard => Pick("Dashboard", "Сводка");
    public string DashboardHint(int days) => Pick($"The last {days} days; days in the bot's time zone.", $"Последние {days} дней; дни — в часовом поясе бота.");
    public string BlocksReported => Pick("Blocks reported", "Сообщено блокировок");
    public string AfterCrmShare => Pick("After a CRM-marketing mailing", "После CRM-рассылки");
    public string Share(int part, int whole) => whole == 0 ? "—" : Pick($"{Math.Round(100.0 * part / whole)} % ({part} of {whole} who answered)", $"{Math.Round(100.0 * part / whole)} % ({part} из {whole} ответивших)");
    public string HandoffToDone => Pick("Hand-off to done", "От передачи до выполнения");
    public string HandoffToTaken => Pick("Hand-off to taken", "От передачи до «взял»");
    public string MedianAndP90(TimeSpan? median, TimeSpan? p90, int count) => median is { } m && p90 is { } p
        ? Pick($"median {Age(m)}, p90 {Age(p)} ({count} tickets)", $"медиана {Age(m)}, p90 {Age(p)} (заявок: {count})")
        : "—";
    public string RemindersSent => Pick("Reminders sent", "Отправлено напоминаний");
    public string BlocksPerDay => Pick("Blocks per day", "Блокировки по дням");
    public string FirstBlocks => Pick("first", "первые");
    public string RepeatedBlocks => Pick("repeated", "повторные");
    public string RefusedBlocks => Pick("WhatsApp refused", "WhatsApp отказал");
    public string AsTable => Pick("As a table", "Таблицей");
    public string Day => Pick("Day", "День");
    public string OpenByAge => Pick("Open and taken tickets by age", "Открытые и взятые заявки по возрасту");
    public string OpenTickets => Pick("tickets", "заявки");
    public string AgeUnder1h => Pick("under 1 h", "до 1 ч");
    public string Age1To4h => Pick("1–4 h", "1–4 ч");
    public string Age4To24h => Pick("4–24 h", "4–24 ч");
    public string AgeOver1d => Pick("1 day or more", "сутки и больше");
    public string UnansweredMessages => Pick("Messages the bot did not understand, newest first", "Сообщения, которые бот не понял, новые сверху");
    public string NoUnanswered => Pick("None.", "Нет.");

    public string Pages => Pick("Pages", "Страницы");
    public string PreviousPage => Pick("← Previous", "← Назад");
    public string NextPage => Pick("Next →", "Дальше →");
    public string Showing(int first, int last, int total, int page, int pages) => Pick(
        $"{first}–{last} of {total}, page {page} of {pages}",
        $"{first}–{last} из {total}, страница {page} из {pages}");
    public string FindLine => Pick("Line name contains", "Название линии содержит");
    public string Find => Pick("Find", "Найти");
    public string ShowAll => Pick("Show all", "Показать все");
    public string LinesFound(int count, string search) => Pick($"Lines containing “{search}”: {count}", $"Линий, содержащих «{search}»: {count}");
    public string LineCount(int count) => Pick($"Lines: {count}", $"Линий: {count}");
    public string NoLinesFound => Pick("No line name contains that.", "Ни одно название линии этого не содержит.");

    public string LeadsOnly => Pick("This page is for leads.", "Эта страница — для руководителей.");

    private string Pick(string english, string russian) => IsRussian ? russian : english;
}
