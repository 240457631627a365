namespace BlockBot.Desk.Paging;

/// <summary>What the pager partial shows: where <paramref name="Page"/> is among <paramref name="Total"/> items, and each page's address.</summary>
public sealed record Pager(PageNumber Page, int Shown, int Total, Func<int, string> Url)
{
    public int Pages => Page.PagesFor(Total);
}
