using BlockBot.Desk.Accounts;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlockBot.Tests.Desk;

/// <summary>Signing in to the desk in a real browser: the right password, a wrong one, the lockout, the language, signing out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskSignInTests(BrowserFixture browser) : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_wrong_password_is_refused_five_in_a_row_lock_the_account_and_the_right_one_then_still_waits()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        var other = await site.AddStaffAsync("Boris");
        var page = await browser.NewPageAsync(site.Url);

        await page.GotoAsync("/desk");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/desk/signin"));
        await BrowserFixture.ScreenshotAsync(page, "desk-signin");

        await DeskSite.SignInAsync(page, "Anna", "not-the-password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong name or password.");
        await BrowserFixture.ScreenshotAsync(page, "desk-signin-wrong");
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await DeskSite.SignInAsync(page, "anna", $"wrong-{attempt}");
        }

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many wrong passwords: sign-in is locked until");
        await DeskSite.SignInAsync(page, "Anna", password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked until");
        await BrowserFixture.ScreenshotAsync(page, "desk-signin-locked");

        // Another account is not affected; its session shows the queue, and signing out ends it.
        await DeskSite.SignInAsync(page, "Boris", other);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Queue" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Boris · agent")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/desk/signin$"));
        await page.GotoAsync("/desk");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/desk/signin"));

        using var connection = _database.OpenConnection();
        var anna = await connection.QuerySingleAsync<(string Hash, string? LockedUntil)>("SELECT password_hash, locked_until FROM staff_account WHERE name_key = 'anna'");
        Assert.NotNull(anna.LockedUntil);
        Assert.DoesNotContain(password, anna.Hash, StringComparison.Ordinal);
        Assert.True(new StaffPasswords().Verify(new StaffAccount("Anna", StaffRole.Agent, anna.Hash, "", false, 0, null, DateTimeOffset.UnixEpoch), password));
    }

    [Fact]
    public async Task The_language_follows_the_browser_and_the_switch_and_a_lead_sees_the_staff_page()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Vera", StaffRole.Lead);
        await site.AddStaffAsync("Anna");
        var page = await browser.NewPageAsync(site.Url, locale: "ru-RU");

        await page.GotoAsync("/desk/signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Вход" })).ToBeVisibleAsync();
        await page.GetByLabel("Имя").FillAsync("Vera");
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Очередь" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Сотрудники" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Anna" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "руководитель" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "desk-staff-ru");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/desk/staff$"));
    }

    public void Dispose() => _database.Dispose();
}
