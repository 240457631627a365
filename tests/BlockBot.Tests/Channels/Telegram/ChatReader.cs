using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>Reads one chat's messages off the fake in order, checking each against the real dialog texts.</summary>
public sealed class ChatReader(FakeBotApi fake, TelegramBot bot, long chatId)
{
    private int _read;

    public async Task<SentMessage> NextAsync(Expected expected, params string[] buttons)
    {
        await fake.WaitUntilAsync(f => f.SentTo(chatId).Count > _read, $"{expected.Description} in chat {chatId}");
        var message = fake.SentTo(chatId)[_read++];
        expected.Check(bot.Dialogs, "ru", message.Text);
        if (buttons.Length > 0)
        {
            Assert.Equal(buttons, message.Buttons);
        }

        return message;
    }

    public Task<SentMessage> NextAsync(string dialogId, string stepId, params string[] buttons) =>
        NextAsync(Expected.Step(dialogId, stepId), buttons);

    public async Task<SentMessage> NextMatchingAsync(Func<SentMessage, bool> match, string what)
    {
        await fake.WaitUntilAsync(f => f.SentTo(chatId).Skip(_read).Any(match), what);
        var all = fake.SentTo(chatId);
        var index = all.ToList().FindIndex(_read, m => match(m));
        _read = index + 1;
        return all[index];
    }

    public int Read => _read;
}
