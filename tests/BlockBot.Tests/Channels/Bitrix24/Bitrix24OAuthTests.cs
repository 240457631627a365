using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>OAuth app tokens instead of an incoming webhook: renewed when expired, the rotated refresh token kept across a restart.</summary>
public sealed class Bitrix24OAuthTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task An_expired_access_token_is_renewed_and_the_new_refresh_token_survives_a_restart()
    {
        await using var fake = await FakeBitrix24.StartAsync();
        var settings = Bitrix24BotProgram.Settings(fake, _database);
        settings.Remove("BlockBot:Bitrix24:WebhookUrl");
        settings.Remove("BlockBot:Bitrix24:BotToken");
        settings["BlockBot:Bitrix24:PortalUrl"] = fake.PortalUrl;
        settings["BlockBot:Bitrix24:OAuthTokenUrl"] = fake.OAuthTokenUrl;
        settings["BlockBot:Bitrix24:ClientId"] = FakeBitrix24.ClientId;
        settings["BlockBot:Bitrix24:ClientSecret"] = FakeBitrix24.ClientSecret;
        settings["BlockBot:Bitrix24:RefreshToken"] = fake.CurrentRefreshToken;

        await using (await Bitrix24BotProgram.StartAsync(settings))
        {
            Assert.Single(fake.Bots);
            Assert.DoesNotContain(fake.CallsOf("imbot.v2.Bot.register"), c => c.Parameters["fields"]!["botToken"] is not null);

            fake.ExpireAccessToken();
            fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(7001, 70, "/start"));
            await fake.WaitForMessagesAsync("chat7001", 2);
        }

        // The configured refresh token is spent; only the one kept in the database still works.
        await using (await Bitrix24BotProgram.StartAsync(settings))
        {
            fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(7002, 71, "/start"));
            await fake.WaitForMessagesAsync("chat7002", 2);
        }
    }

    public void Dispose() => _database.Dispose();
}
