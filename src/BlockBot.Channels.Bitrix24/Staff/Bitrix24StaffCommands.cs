using System.Globalization;
using System.Text.RegularExpressions;
using BlockBot.Channels.Bitrix24.Events;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Staff;

/// <summary>
/// What staff do in the Bitrix24 staff chat: press a card's button (a hidden <c>ticket</c> command) or write to the
/// bot "take N", "done N", "decline N reason", "reply N text" (also "#N text"), "list", "questions" (the messages the
/// bot did not understand). Only the configured staff
/// user ids may act; the result is answered in the chat. The same rules as every staff chat, through <see cref="StaffDesk"/>.
/// </summary>
public sealed partial class Bitrix24StaffCommands(
    StaffDesk desk,
    Bitrix24StaffChat chat,
    TicketCardText cards,
    UnansweredQuestionsText questions,
    IOptions<Bitrix24Options> options,
    ILogger<Bitrix24StaffCommands> logger)
{
    public const string TicketCommand = "ticket";

    private const string Usage = "Write to me: take N · done N · decline N reason · reply N text (or #N text) · list · questions";

    private readonly HashSet<string> _staff = new(options.Value.StaffUserIds, StringComparer.Ordinal);

    public bool IsStaffChat(Bitrix24Event inbound) =>
        options.Value.StaffDialogId is { } staffDialog && string.Equals(inbound.DialogId, staffDialog, StringComparison.OrdinalIgnoreCase);

    public async Task HandleAsync(Bitrix24Event inbound, CancellationToken cancellationToken)
    {
        if (inbound.IsBotUser || inbound.IsSystem)
        {
            return;
        }

        var line = inbound.Kind == Bitrix24EventKind.Command
            ? inbound.Command == TicketCommand ? inbound.CommandParams ?? string.Empty : string.Empty
            : Mention().Replace(inbound.Text, string.Empty).Trim();
        if (line.Length == 0)
        {
            return;
        }

        if (!_staff.Contains(inbound.UserId))
        {
            logger.LogWarning("Portal user {UserId} is not configured staff; their ticket command was refused", inbound.UserId);
            await chat.SayAsync("Only the support staff configured for BlockBot can act on tickets.", cancellationToken);
            return;
        }

        var staff = new StaffMember(inbound.UserId, string.IsNullOrWhiteSpace(inbound.UserName) ? $"Staff {inbound.UserId}" : inbound.UserName);
        await chat.SayAsync(await ExecuteAsync(line, staff, cancellationToken), cancellationToken);
    }

    private async Task<string> ExecuteAsync(string line, StaffMember staff, CancellationToken cancellationToken)
    {
        var shorthand = ShortReply().Match(line);
        if (shorthand.Success)
        {
            line = $"reply {shorthand.Groups[1].Value} {shorthand.Groups[2].Value}";
        }

        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = parts[0].ToLowerInvariant();
        if (UnansweredQuestionsText.IsRequest(line))
        {
            return await questions.DescribeAsync(cancellationToken);
        }

        if (verb == "list")
        {
            var tickets = await desk.ListActiveAsync(cancellationToken);
            return tickets.Count == 0 ? "No active tickets." : string.Join("\n", tickets.Select(cards.Summary));
        }

        if (verb is not ("take" or "done" or "decline" or "reply")
            || parts.Length < 2
            || !long.TryParse(parts[1].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId))
        {
            return Usage;
        }

        var rest = parts.Length > 2 ? parts[2] : string.Empty;
        if (verb == "decline" && rest.Length == 0)
        {
            return $"Why decline ticket #{ticketId}? Write to me: decline {ticketId} <reason the customer will see>.";
        }

        var result = verb switch
        {
            "take" => await desk.TakeAsync(ticketId, staff, cancellationToken),
            "done" => await desk.DoneAsync(ticketId, staff, cancellationToken),
            "decline" => await desk.DeclineAsync(ticketId, staff, rest, cancellationToken),
            _ => await desk.ReplyAsync(ticketId, staff, rest, cancellationToken),
        };
        return $"{staff.DisplayName}: {result.Message}";
    }

    [GeneratedRegex(@"\[user=\d+\].*?\[/user\]", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^#(\d+)\s+(.+)$", RegexOptions.Singleline)]
    private static partial Regex ShortReply();
}
