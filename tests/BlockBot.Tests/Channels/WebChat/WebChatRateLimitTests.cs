using System.Net;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>ASP.NET Core's rate limiter in front of the web chat: per token, and per address over all tokens.</summary>
public sealed class WebChatRateLimitTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_token_over_its_limit_is_answered_429_while_another_token_goes_on()
    {
        var settings = WebChatBotProgram.Settings(_database);
        settings["BlockBot:WebChat:RequestsPerMinutePerToken"] = "5";
        await using var program = await WebChatBotProgram.StartAsync(settings);
        using var busy = program.Client();
        using var calm = program.Client();
        await busy.StartAsync(WebChatBotProgram.Secret);
        await calm.StartAsync(WebChatBotProgram.Secret);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await busy.SendAsync(HttpMethod.Get, $"conversations/{busy.ConversationId}/activities", busy.Token)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await calm.SendAsync(HttpMethod.Get, $"conversations/{calm.ConversationId}/activities", calm.Token)).StatusCode);
    }

    [Fact]
    public async Task An_address_over_its_limit_is_answered_429_whatever_token_it_uses()
    {
        var settings = WebChatBotProgram.Settings(_database);
        settings["BlockBot:WebChat:RequestsPerMinutePerAddress"] = "4";
        await using var program = await WebChatBotProgram.StartAsync(settings);
        using var client = program.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.SendAsync(HttpMethod.Post, "tokens/generate", WebChatBotProgram.Secret)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
