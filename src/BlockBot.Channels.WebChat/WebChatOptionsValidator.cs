using Microsoft.Extensions.Options;

namespace BlockBot.Channels.WebChat;

/// <summary>Rules across the web chat's keys that data annotations cannot say; checked at start-up.</summary>
public sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var failures = new List<string>();
        if (options.Secrets.Count == 0)
        {
            failures.Add($"{WebChatOptions.SecretsKey} needs at least one site secret");
        }

        for (var i = 0; i < options.Secrets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Secrets[i]) || options.Secrets[i].Length < MinimumSecretLength)
            {
                failures.Add($"{WebChatOptions.SecretsKey}:{i} must be at least {MinimumSecretLength} characters (e.g. from `openssl rand -base64 48`)");
            }
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (!IsOrigin(origin))
            {
                failures.Add($"{WebChatOptions.Section}:AllowedOrigins holds '{origin}', which is not an origin like https://help.example.com (scheme, host and port only)");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.Equals(value.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
