using Quartz;

namespace BlockBot.Tests.Storage;

public sealed class NoopJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
