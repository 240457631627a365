using BlockBot.Conversation.Abstractions;

namespace BlockBot.Tests.Conversation;

/// <summary>
/// A customer's text form is what the database holds in every <c>customer_key</c> column; it must read back
/// to the same customer and be written exactly as before.
/// </summary>
public sealed class CustomerIdTests
{
    [Theory]
    [InlineData("telegram:123", "telegram", "123")]
    [InlineData("bitrix24:77", "bitrix24", "77")]
    [InlineData("console:ops:night", "console", "ops:night")]
    public void A_stored_key_reads_back_to_its_channel_and_user_and_is_written_the_same(string stored, string channel, string user)
    {
        var customer = CustomerId.Parse(stored);

        Assert.Equal((channel, user), (customer.ChannelId, customer.UserId));
        Assert.Equal(stored, customer.Key);
        Assert.Equal(stored, customer.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("telegram")]
    [InlineData(":123")]
    [InlineData("telegram:")]
    public void Text_without_both_parts_is_not_a_customer(string? text)
    {
        Assert.False(CustomerId.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => CustomerId.Parse(text));
        }
    }
}
