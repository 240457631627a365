using System.Threading.Channels;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>The console staff chat's input, typed by the test: each <see cref="Type"/> is one line read by the real console staff service.</summary>
public sealed class StaffConsoleInput : TextReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public void Type(string line) => _lines.Writer.TryWrite(line);

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _lines.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();
}
