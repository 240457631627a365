using Microsoft.Extensions.Hosting;

namespace BlockBot.Conversation.Engine;

/// <summary>Loads the dialogs as the host starts, unless the program checked them already; an invalid file throws here and the host stops.</summary>
internal sealed class DialogLoadingService(DialogSetProvider provider) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = provider.Current;
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
