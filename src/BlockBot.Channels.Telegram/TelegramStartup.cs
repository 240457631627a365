using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// At start: checks the token and the Bot API with getMe (one clear error, not a retry loop, when either is
/// wrong), publishes the customer commands, and sets or deletes the webhook for the configured mode.
/// </summary>
public sealed class TelegramStartup(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    ILogger<TelegramStartup> logger) : IHostedService
{
    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(20);

    private static readonly (string Command, string Ru, string En)[] Commands =
    [
        ("start", "Меню", "Menu"),
        ("status", "Моё обращение и напоминания", "My case and reminders"),
        ("operator", "Позвать человека", "Talk to a person"),
        ("cancel", "Отменить текущий шаг", "Cancel the current step"),
        ("lang", "Язык: /lang ru или /lang en", "Language: /lang ru or /lang en"),
        ("help", "Что умеет бот", "What the bot can do"),
        ("forget", "Удалить мои данные", "Erase my data"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var me = await bot.GetMe(timeout.Token);
            identity.Set(me.Id, me.Username);
            await bot.SetMyCommands(Commands.Select(c => new BotCommand(c.Command, c.Ru)), cancellationToken: timeout.Token);
            await bot.SetMyCommands(Commands.Select(c => new BotCommand(c.Command, c.En)), languageCode: "en", cancellationToken: timeout.Token);
            if (o.Mode == TelegramMode.Webhook)
            {
                await bot.SetWebhook(o.WebhookUrl!, allowedUpdates: AllowedUpdates, secretToken: o.WebhookSecret, cancellationToken: timeout.Token);
            }
            else
            {
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: timeout.Token);
            }
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            throw new TelegramStartupException($"The Telegram Bot API rejected the token ({e.ErrorCode} {e.Message}). Check BlockBot:Telegram:Token (from BotFather).", e);
        }
        catch (ApiRequestException e)
        {
            throw new TelegramStartupException($"The Telegram Bot API refused the start-up calls ({e.ErrorCode} {e.Message}).", e);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TelegramStartupException($"The Telegram Bot API at {o.ApiUrl} cannot be reached ({e.Message}). Check BlockBot:Telegram:ApiUrl and the network.", e);
        }

        logger.LogInformation("Telegram bot @{Username} is up ({Mode}); staff group {StaffChatId}", identity.Username, o.Mode, o.StaffChatId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
