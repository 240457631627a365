namespace BlockBot.Desk.Paging;

/// <summary>Which page of a list a request asks for (1-based; anything below 1 is the first) and where it starts.</summary>
public sealed record PageNumber(int Number, int Size)
{
    public int Offset => (Number - 1) * Size;

    public static PageNumber Of(int? requested, int size) => new(Math.Max(1, requested ?? 1), size);

    /// <summary>How many pages <paramref name="total"/> items fill; at least one.</summary>
    public int PagesFor(int total) => Math.Max(1, (total + Size - 1) / Size);

    /// <summary>The first and last item shown, counted from 1; (0, 0) when the page is empty.</summary>
    public (int First, int Last) RangeFor(int shown) => shown == 0 ? (0, 0) : (Offset + 1, Offset + shown);
}
