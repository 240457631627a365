namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A channel a customer can continue on from a <see cref="TransientChannel"/>: it makes the link that opens the bot
/// there with a one-time code, which the channel hands back as the text <c>/start &lt;code&gt;</c>.
/// </summary>
public interface IHandoverLink
{
    string ChannelId { get; }

    /// <summary>The channel's name as customers know it ("Telegram"), for the offer's text.</summary>
    string Title { get; }

    /// <returns>The link, or null while the channel cannot make one (its bot's name is not known yet).</returns>
    string? LinkFor(string code);
}
