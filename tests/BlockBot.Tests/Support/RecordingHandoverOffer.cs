using BlockBot.Conversation.Abstractions;

namespace BlockBot.Tests.Support;

/// <summary>Keeps the subjects the actions asked to offer a handover for, in place of the conversation layer's offer.</summary>
internal sealed class RecordingHandoverOffer : IHandoverOffer
{
    private readonly List<string> _subjects = [];

    public IReadOnlyList<string> Subjects => _subjects;

    public Task OfferAsync(DialogActionContext context, string subject, CancellationToken cancellationToken)
    {
        _subjects.Add(subject);
        return Task.CompletedTask;
    }
}
