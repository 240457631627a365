using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>A Bitrix24 configuration that cannot work stops the program at start, naming the key.</summary>
public sealed class Bitrix24ConfigurationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Webhook_mode_without_an_http_address_fails_at_start()
    {
        await using var fake = await FakeBitrix24.StartAsync();
        var settings = Bitrix24BotProgram.WithWebhook(Bitrix24BotProgram.Settings(fake, _database));
        settings.Remove("BlockBot:Http:Urls");

        using var host = Bitrix24BotProgram.Build(settings);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.Contains("BlockBot:Http:Urls", StringComparison.Ordinal));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task A_webhook_url_without_a_bot_token_fails_at_start()
    {
        await using var fake = await FakeBitrix24.StartAsync();
        var settings = Bitrix24BotProgram.Settings(fake, _database);
        settings.Remove("BlockBot:Bitrix24:BotToken");

        using var host = Bitrix24BotProgram.Build(settings);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.Contains("BotToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bitrix24_staff_chat_needs_staff_user_ids()
    {
        await using var fake = await FakeBitrix24.StartAsync();
        var settings = Bitrix24BotProgram.Settings(fake, _database);
        settings["BlockBot:Bitrix24:StaffDialogId"] = "chat900";

        using var host = Bitrix24BotProgram.Build(settings);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.Contains("StaffUserIds", StringComparison.Ordinal));
    }

    public void Dispose() => _database.Dispose();
}
