using System.Globalization;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Console;

/// <summary>
/// <c>/staff list|questions|take N|done N|decline N reason|reply N text|help</c>: the console's staff side.
/// Whoever types in this terminal is the configured staff member.
/// </summary>
public sealed class ConsoleStaffCommands(
    StaffDesk desk,
    ConsoleTranscript transcript,
    TicketCardText cards,
    UnansweredQuestionsText questions,
    IOptions<ConsoleOptions> options)
{
    private const string Prefix = "/staff";

    private const string Usage = "Staff commands: /staff list · /staff questions · /staff take N · /staff done N · /staff decline N <reason> · /staff reply N <text>";

    private readonly StaffMember _staff = new("console", options.Value.StaffName);

    public static bool IsStaffCommand(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && (trimmed.Length == Prefix.Length || char.IsWhiteSpace(trimmed[Prefix.Length]));
    }

    public async Task ExecuteAsync(string line, CancellationToken cancellationToken)
    {
        var parts = line.Trim().Split(' ', 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = parts.Length > 1 ? parts[1].ToLowerInvariant() : "help";
        if (verb == "list")
        {
            await ListAsync(cancellationToken);
            return;
        }

        if (verb == "questions")
        {
            transcript.Staff(await questions.DescribeAsync(cancellationToken));
            return;
        }

        if (verb is not ("take" or "done" or "decline" or "reply"))
        {
            transcript.Staff(Usage);
            return;
        }

        if (parts.Length < 3 || !long.TryParse(parts[2].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId))
        {
            transcript.Staff($"Which ticket? {Usage}");
            return;
        }

        var rest = parts.Length > 3 ? parts[3] : string.Empty;
        var result = verb switch
        {
            "take" => await desk.TakeAsync(ticketId, _staff, cancellationToken),
            "done" => await desk.DoneAsync(ticketId, _staff, cancellationToken),
            "decline" => await desk.DeclineAsync(ticketId, _staff, rest, cancellationToken),
            _ => await desk.ReplyAsync(ticketId, _staff, rest, cancellationToken),
        };

        transcript.Staff(result.Message);
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var tickets = await desk.ListActiveAsync(cancellationToken);
        transcript.Staff(tickets.Count == 0
            ? "No active tickets."
            : string.Join("\n", tickets.Select(cards.Summary)));
    }
}
