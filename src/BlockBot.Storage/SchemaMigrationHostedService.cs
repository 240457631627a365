using Microsoft.Extensions.Hosting;

namespace BlockBot.Storage;

/// <summary>
/// Creates the database file's folder and brings our tables up to date when the host starts.
/// </summary>
/// <remarks>
/// The work is done in <see cref="StartingAsync"/>: the host finishes every service's StartingAsync before it
/// calls any StartAsync (also when services start concurrently), and Quartz opens the database in its StartAsync.
/// </remarks>
internal sealed class SchemaMigrationHostedService(ISchemaMigrator schema) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => schema.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
