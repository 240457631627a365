using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>The web chat's settings are checked before the host starts: one line naming the key, never the secret.</summary>
public sealed class WebChatConfigurationTests
{
    private const string GoodSecret = WebChatBotProgram.Secret;

    [Theory]
    [InlineData("short-secret", "", "BlockBot:WebChat:Secrets:0 must be at least 32 characters")]
    [InlineData(GoodSecret, "https://help.example.com/articles/blocked", "is not an origin like https://help.example.com")]
    [InlineData(GoodSecret, "help.example.com", "is not an origin like https://help.example.com")]
    public void A_bad_web_chat_setting_stops_the_program_with_the_key_named(string secret, string origin, string expected)
    {
        string[] arguments =
        [
            $"--BlockBot:DialogsPath={RepositoryPaths.Dialogs}",
            "--BlockBot:Http:Urls=http://127.0.0.1:0",
            $"--BlockBot:WebChat:Secrets:0={secret}",
            .. origin.Length > 0 ? [$"--BlockBot:WebChat:AllowedOrigins:0={origin}"] : Array.Empty<string>(),
        ];

        var problem = ProblemOf(arguments);

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_chat_without_the_web_host_stops_the_program()
    {
        var problem = ProblemOf([$"--BlockBot:DialogsPath={RepositoryPaths.Dialogs}", $"--BlockBot:WebChat:Secrets:0={GoodSecret}"]);

        Assert.Contains("The web chat needs the web host: set BlockBot:Http:Urls", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_chat_retention_under_a_day_stops_the_program_with_the_key_named()
    {
        var problem = ProblemOf(
        [
            $"--BlockBot:DialogsPath={RepositoryPaths.Dialogs}",
            "--BlockBot:Http:Urls=http://127.0.0.1:0",
            $"--BlockBot:WebChat:Secrets:0={GoodSecret}",
            "--BlockBot:Retention:WebChat=00:30:00",
        ]);

        Assert.Contains("BlockBot:Retention:WebChat", problem, StringComparison.Ordinal);
    }

    private static string ProblemOf(string[] arguments)
    {
        var error = Record.Exception(() => BlockBotProgram.BuildChecked(arguments).Dispose());
        Assert.NotNull(error);
        return BlockBotProgram.StartupProblem(error) ?? throw new InvalidOperationException("Not a configuration problem.", error);
    }
}
