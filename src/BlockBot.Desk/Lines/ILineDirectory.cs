namespace BlockBot.Desk.Lines;

/// <summary>Every line across customers, for the leads' lines page; implemented by BlockBot.Storage.</summary>
public interface ILineDirectory
{
    /// <summary>Every line with a reported block or a clearing or VM-change ticket, the most recently active first.</summary>
    Task<IReadOnlyList<LineRecord>> ListAsync(CancellationToken cancellationToken);
}
