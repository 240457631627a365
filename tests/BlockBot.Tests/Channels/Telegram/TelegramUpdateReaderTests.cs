using BlockBot.Channels.Telegram.Inbox;
using Telegram.Bot.Types.Enums;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>What the bot makes of updates a newer Bot API (or a broken sender) may send: read as far as understood, or a reason to quarantine.</summary>
public sealed class TelegramUpdateReaderTests
{
    private const string Chat = """{"id":42,"type":"private","first_name":"C"}""";
    private const string From = """{"id":42,"is_bot":false,"first_name":"C"}""";

    [Theory]
    [InlineData("an entity type the library does not know yet", """ "text":"/start","entities":[{"type":"future_entity_kind","offset":0,"length":2}] """, "/start")]
    [InlineData("a sticker with none of its fields", """ "sticker":{} """, null)]
    [InlineData("a poll with only its id", """ "poll":{"id":"1"} """, null)]
    [InlineData("fields nobody knows yet", """ "text":"hi","future_field":{"a":[1,2]} """, "hi")]
    [InlineData("a forward from an origin type the library cannot read", """ "text":"hi","forward_origin":{"type":"future_origin","date":1} """, "hi")]
    public void A_customer_message_with_newer_parts_is_read_with_its_text(string what, string parts, string? text)
    {
        var reading = TelegramUpdateReader.Read(
            """{"update_id":1,"message":{"message_id":5,"date":1767225600,"chat":""" + Chat + ""","from":""" + From + "," + parts + "}}");

        Assert.True(reading.IsUsable, $"{what}: {reading.Problem}");
        Assert.Equal((UpdateType.Message, 42L, text), (reading.Update.Type, TelegramUpdateReader.ChatOf(reading.Update), reading.Update.Message!.Text));
    }

    [Fact]
    public void An_unknown_chat_type_is_read_as_a_chat_of_no_known_type()
    {
        var reading = TelegramUpdateReader.Read("""{"update_id":1,"message":{"message_id":5,"date":1767225600,"chat":{"id":42,"type":"future_chat"},"text":"hi"}}""");

        Assert.True(reading.IsUsable);
        Assert.False(Enum.IsDefined(reading.Update.Message!.Chat.Type));
    }

    [Fact]
    public void An_update_kind_nobody_knows_yet_is_read_and_belongs_to_no_chat()
    {
        var reading = TelegramUpdateReader.Read("""{"update_id":7,"future_kind":{"x":1}}""");

        Assert.True(reading.IsUsable);
        Assert.Equal((UpdateType.Unknown, 0L), (reading.Update.Type, TelegramUpdateReader.ChatOf(reading.Update)));
    }

    [Theory]
    [InlineData("a message without its chat", """{"update_id":3,"message":{"message_id":5,"date":1767225600,"chat":null,"text":"hi"}}""", 3L, "incomplete")]
    [InlineData("a date past what a date can hold", """{"update_id":3,"message":{"message_id":5,"date":99999999999999,"chat":{"id":42,"type":"private"},"text":"hi"}}""", 3L, "unreadable")]
    [InlineData("a text that is a number", """{"update_id":3,"message":{"message_id":5,"date":1767225600,"chat":{"id":42,"type":"private"},"text":5}}""", 3L, "unreadable")]
    [InlineData("a message that is a number", """{"update_id":3,"message":5}""", 3L, "unreadable")]
    [InlineData("a membership change without the new member", """{"update_id":3,"my_chat_member":{"chat":{"id":-5,"type":"group"},"from":{"id":5,"is_bot":false,"first_name":"a"},"date":1767225600,"old_chat_member":{"status":"left","user":{"id":1,"is_bot":true,"first_name":"b"}},"new_chat_member":null}}""", 3L, "incomplete")]
    [InlineData("a button press without who pressed it", """{"update_id":3,"callback_query":{"id":"q","chat_instance":"c","data":"x"}}""", 3L, "incomplete")]
    [InlineData("a button press on a message without its chat", """{"update_id":3,"callback_query":{"id":"q","from":{"id":5,"is_bot":false,"first_name":"a"},"chat_instance":"c","data":"x","message":{"message_id":1,"date":1}}}""", 3L, "incomplete")]
    [InlineData("an update id beyond what the library reads", """{"update_id":1099511627776,"message":{"message_id":5,"date":1767225600,"chat":{"id":42,"type":"private"},"text":"hi"}}""", 1099511627776L, "unreadable")]
    [InlineData("no update id", """{"message":{"message_id":5,"date":1767225600,"chat":{"id":42,"type":"private"},"text":"hi"}}""", null, "unreadable")]
    [InlineData("not an object", """[1,2]""", null, "unreadable")]
    [InlineData("not JSON", """{"update_id":3,""", null, "unreadable")]
    public void An_update_that_cannot_be_handled_gives_its_id_and_why(string what, string payload, long? updateId, string kind)
    {
        var reading = TelegramUpdateReader.Read(payload);

        Assert.False(reading.IsUsable, what);
        Assert.Equal((updateId, kind), (reading.UpdateId, reading.Problem.Kind));
    }

    [Fact]
    public void A_reason_quoting_the_update_is_kept_short_and_on_one_line()
    {
        var problem = UpdateProblem.Unreadable("Unknown type: a\nforged line\u0000" + new string('x', 1000));

        Assert.DoesNotContain(problem.Detail, char.IsControl);
        Assert.True(problem.Detail.Length <= 301);
    }
}
