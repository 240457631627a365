namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>The portal refused a call. <see cref="Error"/> is its code (e.g. <c>BOT_NOT_FOUND</c>); branch on that, not on the text.</summary>
public sealed class Bitrix24Exception : Exception
{
    public Bitrix24Exception()
    {
    }

    public Bitrix24Exception(string message)
        : base(message)
    {
    }

    public Bitrix24Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Bitrix24Exception(string method, int status, string error, string? description, Exception? inner = null)
        : base($"Bitrix24 {method} failed with HTTP {status} {error}: {description}", inner)
    {
        Method = method;
        Status = status;
        Error = error;
    }

    public string? Method { get; }

    public int Status { get; }

    public string Error { get; } = "UNKNOWN";
}
