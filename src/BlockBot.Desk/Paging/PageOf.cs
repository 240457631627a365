namespace BlockBot.Desk.Paging;

/// <summary>One page of a long list: its items and how many the whole list holds.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);
