using System.Text.Json;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Bench;

/// <summary>
/// The web chat bench (<c>BlockBot.Bench --webchat</c>) carries a few visitors through the whole procedure over Direct
/// Line on the tests' provider, so a change in the channel, its page or the product's registrations cannot stop it
/// unnoticed. Not timed: the figures are the bench's.
/// </summary>
public sealed class WebChatBenchTests
{
    [Fact]
    public async Task The_web_chat_bench_carries_three_visitors_to_the_goodbye_over_http_and_the_stream()
    {
        List<string> arguments = [BenchProcess.BenchDll, "--webchat", "--conversations", "3", "--periods-seconds", "1", "--timeout-seconds", "120"];
        if (Environment.GetEnvironmentVariable(TempDatabase.ProviderVariable) == "Postgres")
        {
            arguments.AddRange(["--postgres", Environment.GetEnvironmentVariable(TempDatabase.PostgresVariable)!]);
        }

        var (exitCode, printed) = await BenchProcess.RunAsync("dotnet", arguments, TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"the bench exited with {exitCode}:\n{printed}");
        var result = JsonDocument.Parse(printed.Split('\n').Last(l => l.StartsWith("{\"bench\":\"webchat\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(3, result.GetProperty("completed").GetInt32());
        Assert.Equal(18, result.GetProperty("turns").GetInt32());
        Assert.Equal(0, result.GetProperty("request_errors").GetInt64());
        Assert.Equal(0, result.GetProperty("unexpected_replies").GetInt64());
    }
}
