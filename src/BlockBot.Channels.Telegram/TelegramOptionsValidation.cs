using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Telegram;

/// <summary>What DataAnnotations cannot check: the token's shape, the webhook settings, and that webhooks have somewhere to arrive.</summary>
public sealed class TelegramOptionsValidation(IConfiguration configuration) : IValidateOptions<TelegramOptions>
{
    private const string HttpUrlsKey = "BlockBot:Http:Urls";

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var problems = options.Problems(!string.IsNullOrWhiteSpace(configuration[HttpUrlsKey])).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
