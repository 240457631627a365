using System.Text.Json.Nodes;
using BlockBot.Channels.Bitrix24;
using BlockBot.Channels.Bitrix24.Events;
using BlockBot.Channels.Bitrix24.Rest;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Tests.Channels.Bitrix24;

public sealed class Bitrix24MessageFormatterTests
{
    [Theory]
    [InlineData("[b]bold[/b]")]
    [InlineData("[send=0]hand over[/send]")]
    [InlineData("[url=https://evil.example]click[/url]")]
    [InlineData("[USER=1]admin[/USER]")]
    public void Bb_code_the_customer_typed_is_neutralised_but_reads_the_same(string typed)
    {
        var escaped = Bitrix24MessageFormatter.Escape(typed);

        Assert.DoesNotMatch(@"\[/?[a-zA-Z]+(=[^\]]*)?\]", escaped);
        Assert.Equal(typed, escaped.Replace("\u200B", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_marker_at_a_line_start_is_neutralised()
    {
        Assert.DoesNotContain("\n>>", Bitrix24MessageFormatter.Escape("hi\n>>quoted"), StringComparison.Ordinal);
    }

    [Fact]
    public void Choices_become_a_numbered_send_menu_from_1_and_a_keyboard_of_choice_commands()
    {
        var activity = WithChoices("Is it [b]blocked[/b]?", ("Yes", "yes"), ("No", "no"));

        var (message, keyboard) = Assert.Single(Bitrix24MessageFormatter.Format(activity, 456));

        Assert.EndsWith("?\n\n[send=1]1. Yes[/send]\n[send=2]2. No[/send]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("[b]", message, StringComparison.Ordinal);
        Assert.Equal(456, keyboard!["BOT_ID"]!.GetValue<long>());
        var buttons = keyboard["BUTTONS"]!.AsArray().Select(b => (b!["TEXT"]!.ToString(), b["COMMAND"]!.ToString(), b["COMMAND_PARAMS"]!.ToString()));
        Assert.Equal([("Yes", "choice", "yes"), ("No", "choice", "no")], buttons);
    }

    [Fact]
    public void Texts_over_20000_characters_are_split_and_the_keyboard_goes_on_the_last_part()
    {
        var text = string.Join("\n", Enumerable.Repeat(new string('a', 999), 45));
        var activity = WithChoices(text, ("Ok", "ok"));

        var parts = Bitrix24MessageFormatter.Format(activity, 1);

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Message.Length, 1, Bitrix24MessageFormatter.MaxLength));
        Assert.Null(parts[0].Keyboard);
        Assert.NotNull(parts[^1].Keyboard);
        Assert.Equal(45 * 999, parts.Sum(p => p.Message.Split('\n').Where(l => !l.StartsWith("[send", StringComparison.Ordinal) && l.Length > 0).Sum(l => l.Length)));
    }

    [Fact]
    public void The_php_form_of_a_batch_command_decodes_back_to_the_same_parameters()
    {
        var parameters = new JsonObject
        {
            ["botId"] = 456,
            ["dialogId"] = "chat1",
            ["fields"] = new JsonObject { ["message"] = "a&b=c [b]", ["keyboard"] = new JsonObject { ["BUTTONS"] = new JsonArray(new JsonObject { ["TEXT"] = "Да" }) } },
        };

        var decoded = Fake.FakeForm.DecodeQuery("?" + PhpQuery.Encode(parameters));

        Assert.Equal("456", decoded["botId"]!.ToString());
        Assert.Equal("a&b=c [b]", decoded["fields"]!["message"]!.ToString());
        Assert.Equal("Да", decoded["fields"]!["keyboard"]!["BUTTONS"]!["0"]!["TEXT"]!.ToString());
    }

    [Fact]
    public void Webhook_strings_and_fetch_types_read_the_same()
    {
        var typed = Bitrix24EventParser.Parse("ONIMBOTV2MESSAGEADD", Fake.FakeEvents.CustomerMessage(10, 20, "hi"), "1");
        var form = Fake.FakeEvents.ToForm("ONIMBOTV2MESSAGEADD", Fake.FakeEvents.CustomerMessage(10, 20, "hi"), 456, "t");
        var strings = Bitrix24EventParser.Parse("ONIMBOTV2MESSAGEADD", (JsonObject)PhpQuery.Decode(form)["data"]!, null);

        Assert.Equal((typed.DialogId, typed.ChatId, typed.UserId, typed.IsOpenLine, typed.IsConnectorUser, typed.IsSystem, typed.Text),
            (strings.DialogId, strings.ChatId, strings.UserId, strings.IsOpenLine, strings.IsConnectorUser, strings.IsSystem, strings.Text));
        Assert.True(strings.IsConnectorUser);
        Assert.Equal("chat10", strings.DialogId);
    }

    private static Activity WithChoices(string text, params (string Title, string Value)[] choices)
    {
        var activity = MessageFactory.Text(text);
        activity.SuggestedActions = new SuggestedActions { Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.Title, value: c.Value)).ToList() };
        return activity;
    }
}
