using System.Text.Json;
using BlockBot.Conversation;
using BlockBot.Conversation.Understanding;
using BlockBot.Desk.Dashboard;
using BlockBot.Desk.Text;
using BlockBot.Support.Reminders;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlockBot.Desk.Pages;

/// <summary>Leads only: the last <see cref="Days"/> days' blocks, CRM-marketing share, time to done, open tickets by age, unanswered messages.</summary>
public sealed class DashboardModel(
    IDashboardSource source,
    IUnansweredMessages unanswered,
    IOptions<ConversationOptions> conversation,
    TimeProvider time,
    DeskText text) : PageModel
{
    public const int Days = 14;
    public const int UnansweredShown = 20;

    public DashboardFigures Figures { get; private set; } = null!;

    public IReadOnlyList<UnansweredMessage> Unanswered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(conversation.Value.TimeZone);
        var now = time.GetUtcNow();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1 - Days);
        var days = Enumerable.Range(0, Days).Select(i => DayStartOf(firstDay.AddDays(i), zone)).ToList();
        var since = days[0].Start;
        Figures = DashboardFigures.Of(
            await source.CountBlocksAsync(days, cancellationToken),
            await source.TimeToDoneAsync(since, cancellationToken),
            await source.TimeToTakenAsync(since, cancellationToken),
            await source.CountDeliveredSinceAsync(ReminderScheduler.Events, since, cancellationToken),
            await source.CountOpenByAgeAsync(now, DashboardFigures.AgeBounds, cancellationToken));
        Unanswered = await unanswered.ListAsync(UnansweredShown, cancellationToken);
    }

    private static DayStart DayStartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DayStart(day, new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)));
    }

    /// <summary>What dashboard.js draws: labels and named series, as JSON in the canvas's data-chart attribute.</summary>
    public string BlocksChart() => Chart(
        Figures.Days.Select(d => d.Day.ToString("d MMM", text.Culture)).ToList(),
        stacked: true,
        (text.FirstBlocks, Figures.Days.Select(d => d.First)),
        (text.RepeatedBlocks, Figures.Days.Select(d => d.Repeated)),
        (text.RefusedBlocks, Figures.Days.Select(d => d.Refused)));

    public string AgeChart() => Chart(
        AgeLabels(),
        stacked: false,
        (text.OpenTickets, Figures.OpenByAge));

    public IReadOnlyList<string> AgeLabels() => [text.AgeUnder1h, text.Age1To4h, text.Age4To24h, text.AgeOver1d];

    private static string Chart(IReadOnlyList<string> labels, bool stacked, params (string Label, IEnumerable<int> Data)[] series) =>
        JsonSerializer.Serialize(new
        {
            labels,
            stacked,
            series = series.Select(s => new { label = s.Label, data = s.Data.ToList() }),
        });
}
