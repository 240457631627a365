using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Conversation.Dialogs;

/// <summary>The peer bench's own dialogs folder loads as the program loads dialogs, so the bench never stops at start.</summary>
public sealed class BenchDialogsTests
{
    [Fact]
    public void The_peer_bench_dialogs_load_and_hold_the_peer_dialog()
    {
        var set = DialogLoaders.Create().Load(Path.Combine(RepositoryPaths.Root, "bench", "peer-dialogs"));

        Assert.Contains("peer", set.Dialogs.Keys);
    }
}
