using Microsoft.Playwright;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>What a visitor does on the /chat page, as Web Chat shows it: read a message, press a button, type a message.</summary>
internal static class WebChatPageActions
{
    private static readonly float Wait = (float)DirectLineTestClient.Wait.TotalMilliseconds;

    public static Task SeeTextAsync(this IPage page, string text) =>
        Assertions.Expect(page.GetByText(text).Last).ToBeVisibleAsync(new() { Timeout = Wait });

    public static Task PressButtonAsync(this IPage page, string title) =>
        page.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).Last.ClickAsync(new() { Timeout = Wait });

    public static async Task TypeMessageAsync(this IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Textbox).Last;
        await box.FillAsync(text, new() { Timeout = Wait });
        await box.PressAsync("Enter");
    }
}
