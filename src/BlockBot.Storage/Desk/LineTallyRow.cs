namespace BlockBot.Storage.Desk;

/// <summary>One line's counts as <see cref="SqlLineDirectory"/> reads them.</summary>
internal sealed class LineTallyRow
{
    public string CustomerKey { get; set; } = string.Empty;

    public string LineKey { get; set; } = string.Empty;

    public long Blocks { get; set; }

    public long Repeated { get; set; }

    public long Clearings { get; set; }

    public long VmChanges { get; set; }
}
