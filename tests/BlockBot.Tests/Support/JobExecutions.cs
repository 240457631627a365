using System.Threading.Channels;
using Quartz;
using Quartz.Extensibility;

namespace BlockBot.Tests.Support;

/// <summary>Lets a test await the moment a job run has finished (everything the job did, retries it scheduled included).</summary>
internal sealed class JobExecutions : IJobListener
{
    private readonly Channel<JobKey> _finished = Channel.CreateUnbounded<JobKey>();

    public string Name => nameof(JobExecutions);

    public async Task<JobKey> NextFinishedAsync() => await _finished.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Generous);

    /// <summary>Waits until a run of the job has finished, passing over runs of other jobs.</summary>
    public async Task FinishedAsync(JobKey job)
    {
        while (!(await NextFinishedAsync()).Equals(job))
        {
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        _finished.Writer.TryWrite(context.JobDetail.Key);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
