namespace BlockBot.Bench.Understanding;

/// <summary>One row for ML.NET: a phrasing, its stems, and (when training) the entry id it belongs to.</summary>
public sealed class TextExample
{
    public string Text { get; set; } = "";

    public string Stems { get; set; } = "";

    public string Label { get; set; } = "";
}
