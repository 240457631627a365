using BlockBot.Conversation.Dialogs.Loading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlockBot;

/// <summary>Builds and runs the host; turns a broken configuration or dialog file into one clear message and exit code 2.</summary>
public static class BlockBotProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(args);
            builder.AddBlockBot();
            builder.ConfigureContainer(new Microsoft.Extensions.DependencyInjection.DefaultServiceProviderFactory(
                new Microsoft.Extensions.DependencyInjection.ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
            using var host = builder.Build();
            await host.RunAsync();
            return 0;
        }
        catch (DialogLoadException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("The configuration is invalid: " + string.Join("; ", e.Failures));
            return 2;
        }
    }
}
