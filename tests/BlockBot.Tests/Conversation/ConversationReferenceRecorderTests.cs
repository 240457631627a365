using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Pipeline;
using BlockBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace BlockBot.Tests.Conversation;

/// <summary>What the recorder writes to the directory: a customer's reference once, again only when it changed or was forgotten.</summary>
public sealed class ConversationReferenceRecorderTests
{
    [Fact]
    public async Task An_unchanged_reference_is_saved_once_and_again_after_it_was_forgotten()
    {
        var directory = new RecordingConversationDirectory();
        using var recorder = new ConversationReferenceRecorder(directory);
        var adapter = new TestAdapter(TestAdapter.CreateConversation("chat-1", "anna")).Use(recorder);
        var anna = new CustomerId(adapter.Conversation.ChannelId, "anna");

        await new TestFlow(adapter, (turn, token) => Task.CompletedTask)
            .Send("hello")
            .Send("it is blocked")
            .StartTestAsync();
        Assert.Equal([anna], directory.Saved);

        recorder.Forget(anna);
        await new TestFlow(adapter, (turn, token) => Task.CompletedTask).Send("still there?").StartTestAsync();
        Assert.Equal([anna, anna], directory.Saved);
    }

    [Fact]
    public async Task A_reference_that_changed_is_saved_again_then_spared_while_unchanged()
    {
        var directory = new RecordingConversationDirectory();
        using var recorder = new ConversationReferenceRecorder(directory);
        var firstChat = new TestAdapter(TestAdapter.CreateConversation("chat-1", "anna")).Use(recorder);
        var secondChat = new TestAdapter(TestAdapter.CreateConversation("chat-2", "anna")).Use(recorder);
        var anna = new CustomerId(firstChat.Conversation.ChannelId, "anna");

        await new TestFlow(firstChat, (turn, token) => Task.CompletedTask).Send("hello").StartTestAsync();
        await new TestFlow(secondChat, (turn, token) => Task.CompletedTask).Send("I wrote from my other chat").StartTestAsync();
        await new TestFlow(secondChat, (turn, token) => Task.CompletedTask).Send("still blocked").StartTestAsync();

        Assert.Equal([anna, anna], directory.Saved);
    }
}
