namespace BlockBot.Conversation.Understanding;

/// <summary>The questions file loaded: its entries by id and their examples indexed for understanding.</summary>
public sealed class QuestionBook
{
    public static readonly QuestionBook Empty = new([]);

    public QuestionBook(IReadOnlyList<QuestionEntry> entries)
    {
        Entries = entries;
        ById = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Index = new QuestionIndex(entries);
    }

    public IReadOnlyList<QuestionEntry> Entries { get; }

    public IReadOnlyDictionary<string, QuestionEntry> ById { get; }

    public QuestionIndex Index { get; }
}
