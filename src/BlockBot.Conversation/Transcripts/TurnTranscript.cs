using System.Text;
using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Transcripts;

/// <summary>
/// The transcript lines of one turn, kept in its turn state by <see cref="TranscriptRecorder"/> until the turn is over.
/// A turn that erased the customer's data (<c>/forget</c>) calls <see cref="Forget"/>: none of its lines is saved.
/// </summary>
public sealed class TurnTranscript
{
    private const string Key = "BlockBot.TurnTranscript";

    private readonly TimeProvider _time;
    private readonly List<TranscriptLine> _lines = [];
    private readonly Lock _gate = new();
    private bool _forgotten;

    private TurnTranscript(TimeProvider time) => _time = time;

    public IReadOnlyList<TranscriptLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return _forgotten ? [] : [.. _lines];
            }
        }
    }

    internal static TurnTranscript StartIn(ITurnContext turnContext, TimeProvider time)
    {
        var transcript = new TurnTranscript(time);
        turnContext.TurnState[Key] = transcript;
        return transcript;
    }

    /// <summary>The transcript of the turn, or null when its pipeline keeps none.</summary>
    public static TurnTranscript? Find(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<TurnTranscript>(Key);
    }

    /// <summary>Keeps the customer's message of this turn.</summary>
    public void Received(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Add(activity, TranscriptDirection.In);
    }

    internal void Said(IActivity activity) => Add(activity, TranscriptDirection.Out);

    /// <summary>Drops every line of the turn and keeps none said after: the customer's data was erased in it.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _forgotten = true;
            _lines.Clear();
        }
    }

    private void Add(IActivity activity, TranscriptDirection direction)
    {
        var customer = CustomerOf(activity, direction);
        if (customer is null)
        {
            return;
        }

        var text = TextOf(activity.AsMessageActivity());
        lock (_gate)
        {
            if (_forgotten)
            {
                return;
            }

            // Lines of one turn get distinct, rising times, so a page that ends inside a turn loses none of them.
            var at = _time.GetUtcNow();
            if (_lines.Count > 0 && at <= _lines[^1].At)
            {
                at = _lines[^1].At.AddTicks(1);
            }

            _lines.Add(new TranscriptLine(customer.Value, at, direction, text));
        }
    }

    private static CustomerId? CustomerOf(IActivity activity, TranscriptDirection direction)
    {
        var account = direction == TranscriptDirection.In ? activity.From : activity.Recipient;
        return activity.ChannelId is { Length: > 0 } channel && account?.Id is { Length: > 0 } user
            ? new CustomerId(channel, user)
            : null;
    }

    /// <summary>The text as sent, with what no database column takes (NUL, a lone surrogate) made visible.</summary>
    private static string TextOf(IMessageActivity message)
    {
        if (!string.IsNullOrEmpty(message.Text))
        {
            return Storable(message.Text);
        }

        var markers = message.Attachments?.Select(a => $"[{a.Name ?? a.ContentType ?? "attachment"}]").ToList() ?? [];
        return markers.Count > 0 ? Storable(string.Join(' ', markers)) : "[no text]";
    }

    private static string Storable(string text)
    {
        var storable = text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", @"\x00", StringComparison.Ordinal) : text;
        return IsWellFormed(storable) ? storable : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(storable));
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
