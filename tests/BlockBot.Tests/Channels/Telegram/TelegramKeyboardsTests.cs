using BlockBot.Channels.Telegram.Sending;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>Telegram refuses a message whose button carries callback_data outside 1–64 bytes, so such a button is never built.</summary>
public sealed class TelegramKeyboardsTests
{
    [Fact]
    public void A_button_value_of_up_to_64_bytes_is_kept_as_it_is()
    {
        var value = new string('я', 32);
        Assert.Equal(new OutgoingButton("Да", value), TelegramKeyboards.Button("Да", value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("яяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяя")]
    public void A_value_Telegram_would_refuse_is_a_clear_error(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TelegramKeyboards.Button("Вариант", value));
        Assert.Contains("callback_data takes 1–64 bytes", error.Message, StringComparison.Ordinal);
    }
}
