using BlockBot.Tests.Infrastructure;
using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Cases;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlockBot.Tests.Storage;

public sealed class SqlCaseRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero);
    private TempDatabase _database = null!;

    private SqlCaseRepository Cases => _database.Cases;

    public async Task InitializeAsync() => _database = await TempDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_case_reads_back_as_it_was_stored()
    {
        var created = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Sales", Now, crm: true, repeated: null), default);

        var read = await Cases.GetAsync(created.Id, default);

        Assert.NotNull(read);
        Assert.Equal(created, read);
        Assert.True(read.IsOpen);
        Assert.Equal(Now, read.CreatedAt);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
    }

    [Fact]
    public async Task Opening_a_case_closes_the_customers_open_one_as_cancelled()
    {
        var first = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Sales", Now), default);
        var other = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "2"), "Sales", Now), default);

        var second = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Support", Now.AddHours(1)), default);

        var closed = await Cases.GetAsync(first.Id, default);
        Assert.Equal(CaseOutcomes.Cancelled, closed!.Outcome);
        Assert.Equal(CaseStages.Cancelled, closed.Stage);
        Assert.Equal(Now.AddHours(1), closed.ClosedAt);
        Assert.Equal(second.Id, (await Cases.FindOpenAsync(new CustomerId("telegram", "1"), default))!.Id);
        Assert.True((await Cases.GetAsync(other.Id, default))!.IsOpen);
    }

    [Theory]
    [InlineData("Sales", " SALES ")]
    [InlineData("Продажи", "продажи")]
    [InlineData("  Линия 2", "ЛИНИЯ 2  ")]
    public async Task Cases_of_a_line_match_trimmed_and_without_case(string stored, string asked)
    {
        var match = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), stored, Now), default);
        await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Other line", Now.AddMinutes(1)), default);
        await Cases.CreateAsync(NewCase(new CustomerId("telegram", "2"), stored, Now.AddMinutes(2)), default);

        var found = await Cases.ListForLineAsync(new CustomerId("telegram", "1"), asked, default);

        Assert.Equal([match.Id], found.Select(c => c.Id));
    }

    [Fact]
    public async Task Stage_changes_and_closing_happen_once()
    {
        var created = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Sales", Now), default);

        Assert.True(await Cases.UpdateStageAsync(created.Id, CaseStages.AwaitingUnblock, Now.AddHours(2), default));
        Assert.True(await Cases.CloseAsync(created.Id, CaseOutcomes.Resolved, Now.AddHours(3), default));
        Assert.False(await Cases.CloseAsync(created.Id, CaseOutcomes.Refused, Now.AddHours(4), default));
        Assert.False(await Cases.UpdateStageAsync(404, CaseStages.Appeal, Now, default));

        var read = (await Cases.GetAsync(created.Id, default))!;
        Assert.Equal(CaseOutcomes.Resolved, read.Outcome);
        Assert.Equal(CaseStages.Resolved, read.Stage);
        Assert.Equal(Now.AddHours(3), read.ClosedAt);
        Assert.Null(await Cases.FindOpenAsync(new CustomerId("telegram", "1"), default));
    }

    [Fact]
    public async Task Deleting_a_customers_cases_leaves_the_others()
    {
        await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Sales", Now), default);
        await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Sales", Now.AddDays(1)), default);
        var other = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "2"), "Sales", Now), default);

        await Cases.DeleteForCustomerAsync(new CustomerId("telegram", "1"), default);

        Assert.Empty(await Cases.ListForCustomerAsync(new CustomerId("telegram", "1"), default));
        Assert.Equal([other.Id], (await Cases.ListForCustomerAsync(new CustomerId("telegram", "2"), default)).Select(c => c.Id));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var created = await Cases.CreateAsync(NewCase(new CustomerId("telegram", "1"), "Sales", Now), default);

        await _database.MigrateAsync();

        Assert.NotNull(await Cases.GetAsync(created.Id, default));
    }

    private static BlockCase NewCase(CustomerId customer, string line, DateTimeOffset at, bool? crm = false, bool? repeated = true) =>
        new BlockCase
        {
            Id = 0,
            Customer = customer,
            Line = line,
            CrmMarketing = crm,
            Repeated = repeated,
            Stage = CaseStages.Appeal,
            CreatedAt = at,
            UpdatedAt = at,
        };
}
