using System.Buffers.Text;
using System.Security.Cryptography;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Handover;

/// <summary>
/// Says to a customer on a <see cref="TransientChannel"/> where to continue so that what was just scheduled reaches
/// them (ADR 0015): a link with a fresh one-time code per channel that can take them over. Once per subject (a case),
/// so a case's second and third reminder do not repeat it.
/// </summary>
internal sealed class HandoverOffer(
    IEnumerable<TransientChannel> transientChannels,
    IEnumerable<IHandoverLink> links,
    IHandoverCodes codes,
    TimeProvider time,
    ILogger<HandoverOffer> logger) : IHandoverOffer
{
    /// <summary>How long a code can be used: longer than the longest wait of the procedure.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(30);

    private const string OfferedValue = "handover_offered";

    private readonly HashSet<string> _transient = transientChannels.Select(c => c.ChannelId).ToHashSet(StringComparer.Ordinal);
    private readonly IReadOnlyList<IHandoverLink> _links = [.. links];

    public async Task OfferAsync(DialogActionContext context, string subject, CancellationToken cancellationToken)
    {
        if (!_transient.Contains(context.Customer.ChannelId) || context.Texts is not { } texts
            || (context.Values.TryGetValue(OfferedValue, out var offered) && offered == subject))
        {
            return;
        }

        var activity = context.Turn.Activity;
        var stateKey = ConversationStateKeys.Of(activity.ChannelId, activity.Conversation.Id);
        foreach (var link in _links.Where(l => l.ChannelId != context.Customer.ChannelId))
        {
            var code = NewCode();
            if (link.LinkFor(code) is not { } url)
            {
                continue;
            }

            await codes.IssueAsync(new HandoverCode(code, context.Customer, stateKey, context.Language, time.GetUtcNow() + CodeLifetime), cancellationToken);
            var text = texts.Render(TextKeys.HandoverOffer, new Dictionary<string, string> { ["channel"] = link.Title, ["link"] = url });
            var message = MessageFactory.Text(text);
            message.Locale = context.Language;
            await context.Turn.SendActivityAsync(message, cancellationToken);
            logger.LogInformation("Offered {Customer} to continue on {Channel}", context.Customer, link.ChannelId);
        }

        context.Values[OfferedValue] = subject;
    }

    private const int CodeLength = 22;

    /// <summary>
    /// True for text of a code's shape, so "/start" with another deep-link parameter (a campaign tag, say) is an
    /// ordinary start, not a link said to be used up.
    /// </summary>
    public static bool IsCodeShaped(string text) =>
        text.Length == CodeLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // 128 random bits in the alphabet Telegram allows in a start parameter (A–Z, a–z, 0–9, _ and -).
    private static string NewCode() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
