using BlockBot.Conversation.Concurrency;

namespace BlockBot.Tests.Conversation;

/// <summary>The one keyed lock behind conversation turns and per-customer event delivery.</summary>
public sealed class KeyedLockTests
{
    private readonly KeyedLock<string> _lock = new(StringComparer.Ordinal);

    [Fact]
    public async Task A_second_holder_of_the_same_key_waits_until_the_first_lets_go()
    {
        var first = await _lock.AcquireAsync("telegram/42", CancellationToken.None);
        var second = _lock.AcquireAsync("telegram/42", CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task Different_keys_never_wait_for_each_other()
    {
        using var one = await _lock.AcquireAsync("telegram/42", CancellationToken.None);

        var other = _lock.AcquireAsync("telegram/43", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_the_key_free_for_the_next()
    {
        var first = await _lock.AcquireAsync("telegram/42", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var impatient = _lock.AcquireAsync("telegram/42", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        first.Dispose();

        var next = _lock.AcquireAsync("telegram/42", CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task Letting_go_twice_does_not_let_a_third_holder_in_beside_the_second()
    {
        var first = await _lock.AcquireAsync("telegram/42", CancellationToken.None);
        var second = _lock.AcquireAsync("telegram/42", CancellationToken.None);
        first.Dispose();
        using var holding = await second;

        first.Dispose();

        Assert.False(_lock.AcquireAsync("telegram/42", CancellationToken.None).IsCompleted);
    }
}
