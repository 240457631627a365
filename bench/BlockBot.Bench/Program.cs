using BlockBot.Bench;
using BlockBot.Bench.Desk;
using BlockBot.Bench.Peer;
using BlockBot.Bench.Reminders;
using BlockBot.Bench.Stored;
using BlockBot.Bench.TelegramPeer;
using BlockBot.Bench.Understanding;
using BlockBot.Bench.WebChat;

if (UnderstandingBenchOptions.Matches(args))
{
    var understanding = UnderstandingBenchOptions.Parse(args, out var problem);
    if (understanding is null)
    {
        await Console.Error.WriteLineAsync(problem);
        await Console.Error.WriteLineAsync(UnderstandingBenchOptions.Usage);
        return 2;
    }

    return UnderstandingBench.Run(understanding, Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "--peer")
{
    var peer = PeerOptions.Parse(args[1..], out var peerError);
    if (peer is null)
    {
        await Console.Error.WriteLineAsync(peerError);
        await Console.Error.WriteLineAsync(PeerOptions.Usage);
        return 2;
    }

    return await PeerRun.ExecuteAsync(peer, Console.Out, CancellationToken.None);
}

if (args.Length > 0 && args[0] == "--telegram-bot")
{
    var bot = TelegramBotOptions.Parse(args[1..], out var botError);
    if (bot is null)
    {
        await Console.Error.WriteLineAsync(botError);
        await Console.Error.WriteLineAsync(TelegramBotOptions.Usage);
        return 2;
    }

    return await TelegramBotMode.RunAsync(bot, Console.Error);
}

if (args.Length > 0 && args[0] == StoredConversationsOptions.Mode)
{
    var stored = StoredConversationsOptions.Parse(args, out var storedError);
    if (stored is null)
    {
        await Console.Error.WriteLineAsync(storedError);
        await Console.Error.WriteLineAsync(StoredConversationsOptions.Usage);
        return 2;
    }

    return await StoredConversationsRun.ExecuteAsync(stored, Console.Out, Console.Error, CancellationToken.None);
}

if (args.Length > 0 && args[0] == "--reminders")
{
    var reminders = ReminderOptions.Parse(args[1..], out var remindersError);
    if (reminders is null)
    {
        await Console.Error.WriteLineAsync(remindersError);
        await Console.Error.WriteLineAsync(ReminderOptions.Usage);
        return 2;
    }

    return await ReminderRun.ExecuteAsync(reminders, Console.Out, CancellationToken.None);
}

if (args.Length > 0 && args[0] == "--desk")
{
    var desk = DeskBenchOptions.Parse(args[1..], out var deskError);
    if (desk is null)
    {
        await Console.Error.WriteLineAsync(deskError);
        await Console.Error.WriteLineAsync(DeskBenchOptions.Usage);
        return 2;
    }

    return await DeskBenchRun.ExecuteAsync(desk, Console.Out, CancellationToken.None);
}

if (args.Length > 0 && args[0] == "--webchat")
{
    var webChat = BenchOptions.Parse(args[1..], out var webChatError, BenchOptions.Default with { Conversations = WebChatBenchRun.DefaultConversations });
    if (webChat is null)
    {
        await Console.Error.WriteLineAsync(webChatError);
        await Console.Error.WriteLineAsync(WebChatBenchRun.Usage);
        return 2;
    }

    return await WebChatBenchRun.ExecuteAsync(webChat, Console.Out, CancellationToken.None);
}

var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

try
{
    var result = await BenchRun.ExecuteAsync(options, Console.Error, interrupted.Token);
    BenchReport.Write(Console.Out, result);
    return result.Failed == 0 ? 0 : 1;
}
catch (Exception exception)
{
    // The bot did not start or stop: there are no figures to print.
    await Console.Error.WriteLineAsync("The bench could not run: " + exception);
    return 2;
}
