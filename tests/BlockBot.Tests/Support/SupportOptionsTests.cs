using BlockBot.Support;
using BlockBot.Support.Policy;
using BlockBot.Support.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Support;

public sealed class SupportOptionsTests
{
    [Fact]
    public void Periods_and_policy_bind_from_configuration()
    {
        using var services = Build(new()
        {
            ["BlockBot:ClearingPolicy:MinimumGap"] = "7.00:00:00",
            ["BlockBot:ClearingPolicy:MaxPerWindow"] = "3",
            ["BlockBot:Periods:AppealFollowUp"] = "12:00:00",
        });

        var policy = services.GetRequiredService<IOptions<ClearingPolicyOptions>>().Value;
        var periods = services.GetRequiredService<IOptions<PeriodsOptions>>().Value;

        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromDays(30), 3), (policy.MinimumGap, policy.Window, policy.MaxPerWindow));
        Assert.Equal((TimeSpan.FromHours(12), TimeSpan.FromDays(3), TimeSpan.FromDays(3)), (periods.AppealFollowUp, periods.PhoneOnly, periods.ChatsOnly));
    }

    [Theory]
    [InlineData("BlockBot:ClearingPolicy:MinimumGap", "00:00:00")]
    [InlineData("BlockBot:ClearingPolicy:Window", "-1.00:00:00")]
    [InlineData("BlockBot:ClearingPolicy:MaxPerWindow", "0")]
    [InlineData("BlockBot:Periods:PhoneOnly", "00:00:00")]
    [InlineData("BlockBot:Periods:ChatsOnly", "-00:01:00")]
    public void A_period_or_limit_that_is_not_positive_is_rejected(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<ClearingPolicyOptions>>().Value;
            _ = services.GetRequiredService<IOptions<PeriodsOptions>>().Value;
        });

        Assert.Contains(key[(key.LastIndexOf(':') + 1)..], error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBlockBotSupport(configuration).BuildServiceProvider();
    }
}
