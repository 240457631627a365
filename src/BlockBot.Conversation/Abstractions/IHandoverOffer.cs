namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// Offers a customer on a <see cref="TransientChannel"/> to continue where a later message can reach them; a domain
/// action calls it when it schedules something for later. Does nothing on other channels, or when no
/// <see cref="IHandoverLink"/> is running.
/// </summary>
public interface IHandoverOffer
{
    /// <param name="subject">What the offer is about, e.g. the case's id: the offer is made once per subject.</param>
    Task OfferAsync(DialogActionContext context, string subject, CancellationToken cancellationToken);
}
