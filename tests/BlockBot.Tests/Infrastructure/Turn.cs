using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;

namespace BlockBot.Tests.Infrastructure;

/// <summary>One row of a conversation table: the user speaks, the bot answers, time passes, or staff act.</summary>
public abstract record Turn
{
    public static Turn User(string text) => new UserTurn(text);

    /// <summary>The user sends something that is not text: a sticker, a photo, a voice note.</summary>
    public static Turn UserSendsAttachment(string contentType) => new AttachmentTurn(contentType);

    public static Turn Bot(string dialogId, string stepId, params string[] buttons) => new BotTurn(Expected.Step(dialogId, stepId), buttons);

    public static Turn Bot(Expected expected, params string[] buttons) => new BotTurn(expected, buttons);

    public static Turn BotText(string textKey, params string[] buttons) => new BotTurn(Expected.Text(textKey), buttons);

    public static Turn TimePasses(TimeSpan duration) => new TimeTurn(duration);

    public static Turn Staff(string description, Func<StaffDesk, HandoffTicket, Task<StaffActionResult>> act) => new StaffTurn(description, act);

    public static Turn StaffTakes() => Staff("take", (desk, ticket) => desk.TakeAsync(ticket.Id, Staffer, CancellationToken.None));

    public static Turn StaffDone() => Staff("done", (desk, ticket) => desk.DoneAsync(ticket.Id, Staffer, CancellationToken.None));

    public static Turn StaffDeclines(string reason) => Staff("decline", (desk, ticket) => desk.DeclineAsync(ticket.Id, Staffer, reason, CancellationToken.None));

    public static Turn StaffReplies(string text) => Staff("reply", (desk, ticket) => desk.ReplyAsync(ticket.Id, Staffer, text, CancellationToken.None));

    public static Turn Check(string description, Func<BotHost, Task> check) => new CheckTurn(description, check);

    public static StaffMember Staffer { get; } = new("staff-1", "Anna");
}

public sealed record UserTurn(string Text) : Turn;

public sealed record AttachmentTurn(string ContentType) : Turn;

/// <param name="Buttons">Button values the message must offer, in order; empty checks nothing.</param>
public sealed record BotTurn(Expected Expected, IReadOnlyList<string> Buttons) : Turn;

public sealed record TimeTurn(TimeSpan Duration) : Turn;

public sealed record StaffTurn(string Description, Func<StaffDesk, HandoffTicket, Task<StaffActionResult>> Act) : Turn;

public sealed record CheckTurn(string Description, Func<BotHost, Task> Verify) : Turn;
