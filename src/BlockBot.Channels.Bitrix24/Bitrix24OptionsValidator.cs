using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24;

/// <summary>The rules that span several keys: one way to authenticate, and what webhook mode needs.</summary>
public sealed class Bitrix24OptionsValidator(IConfiguration configuration) : IValidateOptions<Bitrix24Options>
{
    /// <summary>The key that makes the program a web host (BlockBot.BlockBotProgram.HttpUrlsKey).</summary>
    public const string HttpUrlsKey = "BlockBot:Http:Urls";

    public ValidateOptionsResult Validate(string? name, Bitrix24Options options)
    {
        var failures = new List<string>();
        if (options.UsesWebhookAuth == options.UsesOAuth)
        {
            failures.Add("BlockBot:Bitrix24 needs exactly one way to call the portal: WebhookUrl, or PortalUrl with ClientId, ClientSecret and RefreshToken");
        }

        if (options.UsesWebhookAuth)
        {
            if (!IsHttpUrl(options.WebhookUrl))
            {
                failures.Add("BlockBot:Bitrix24:WebhookUrl must be an http(s) URL like https://portal.bitrix24.com/rest/1/secret/");
            }

            if (string.IsNullOrWhiteSpace(options.BotToken))
            {
                failures.Add("BlockBot:Bitrix24:BotToken is required with WebhookUrl (at most 40 characters)");
            }
        }

        if (options.UsesOAuth
            && (!IsHttpUrl(options.PortalUrl) || string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret) || string.IsNullOrWhiteSpace(options.RefreshToken)))
        {
            failures.Add("BlockBot:Bitrix24 OAuth needs PortalUrl (https://portal/rest/), ClientId, ClientSecret and RefreshToken");
        }

        if (options.EventMode == Bitrix24EventMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(configuration[HttpUrlsKey]))
            {
                failures.Add($"BlockBot:Bitrix24:EventMode=Webhook needs {HttpUrlsKey}: the event endpoint must listen somewhere");
            }

            if (!IsHttpUrl(options.PublicEventUrl))
            {
                failures.Add("BlockBot:Bitrix24:PublicEventUrl is required in webhook mode: the URL the portal posts events to");
            }

            if (string.IsNullOrWhiteSpace(options.ApplicationToken))
            {
                failures.Add("BlockBot:Bitrix24:ApplicationToken is required in webhook mode: events without it are refused");
            }

            if (!options.EventPath.StartsWith('/'))
            {
                failures.Add("BlockBot:Bitrix24:EventPath must start with /");
            }
        }

        if (options.StaffUserIds.Any(id => !long.TryParse(id, out _)))
        {
            failures.Add("BlockBot:Bitrix24:StaffUserIds must be portal user ids (numbers)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
