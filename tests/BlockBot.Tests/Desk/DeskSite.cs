using BlockBot.Desk.Accounts;
using BlockBot.Tests.Channels.Telegram;
using BlockBot.Tests.Channels.Telegram.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlockBot.Tests.Desk;

/// <summary>
/// The real program on 127.0.0.1 (a free port) with Telegram as the customer channel and the staff chat, against the
/// fake Bot API, and the desk served at /desk; staff accounts are added as the staff command adds them.
/// </summary>
public sealed class DeskSite : IAsyncDisposable
{
    public const long Customer = 46;

    private DeskSite(FakeBotApi fake, TelegramBot bot)
    {
        Fake = fake;
        Bot = bot;
        Chat = new ChatReader(fake, bot, Customer);
        StaffGroup = new ChatReader(fake, bot, TelegramBot.StaffChat);
    }

    public FakeBotApi Fake { get; }

    public TelegramBot Bot { get; }

    public ChatReader Chat { get; }

    public ChatReader StaffGroup { get; }

    public string Url => Bot.HttpUrl;

    public static async Task<DeskSite> StartAsync(TempDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var fake = await FakeBotApi.StartAsync();
        try
        {
            var all = TelegramFlows.Fast();
            all["BlockBot:Http:Urls"] = "http://127.0.0.1:0";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            return new DeskSite(fake, await TelegramBot.StartAsync(fake, database, all));
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds an account through the same code as <c>staff add</c> and returns the password it printed.</summary>
    public async Task<string> AddStaffAsync(string name, StaffRole role = StaffRole.Agent)
    {
        var command = new StaffAccountCommand(Bot.Services.GetRequiredService<IStaffAccountStore>(), new StaffPasswords(), TimeProvider.System);
        using var output = new StringWriter();
        var code = await command.RunAsync(role == StaffRole.Lead ? ["staff", "add", name, "--role", "lead"] : ["staff", "add", name], output, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, code);
        return output.ToString().Trim().Split(' ')[^1];
    }

    /// <summary>The customer's first-block conversation up to the queue-clearing ticket; returns the ticket's card.</summary>
    public Task<SentMessage> OpenClearingTicketAsync(string line) => TelegramFlows.OpenClearingTicketAsync(Fake, Chat, StaffGroup, Customer, line);

    public static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/desk/signin");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
