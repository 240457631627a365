using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>An incoming webhook: the secret is part of the URL, so the URL itself must never reach a log.</summary>
public sealed class WebhookCredentials(IOptions<Bitrix24Options> options) : IBitrix24Credentials
{
    private readonly string _base = options.Value.WebhookUrl!.TrimEnd('/') + "/";

    public Task<Uri> PrepareAsync(string method, JsonObject parameters, CancellationToken cancellationToken) =>
        Task.FromResult(new Uri(_base + method));

    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
