using BlockBot.Desk.Paging;

namespace BlockBot.Desk.Lines;

/// <summary>Every line across customers, for the leads' lines page; implemented by BlockBot.Storage.</summary>
public interface ILineDirectory
{
    /// <summary>
    /// Lines with a reported block or a clearing or VM-change ticket (only those whose name contains
    /// <paramref name="search"/>, as <c>LineKey</c> compares names, when given), the most recently active first,
    /// skipping <paramref name="offset"/> and taking <paramref name="count"/>, with how many match in all.
    /// </summary>
    Task<PageOf<LineRecord>> ListAsync(string? search, int offset, int count, CancellationToken cancellationToken);
}
