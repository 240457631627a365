using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Understanding;
using BlockBot.Support.Actions;
using BlockBot.Support.Cases;
using BlockBot.Support.Customers;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Events;
using BlockBot.Support.Policy;
using BlockBot.Support.Reminders;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace BlockBot.Support;

public static class SupportServiceCollectionExtensions
{
    /// <summary>
    /// The support domain: policy, tickets, staff desk, reminders, event delivery, and every dialog action.
    /// Expects from elsewhere: <see cref="ICaseRepository"/> and <see cref="ITicketRepository"/> (storage),
    /// <see cref="IStaffChat"/> (a channel), <see cref="IConversationEvents"/> and <see cref="IConversationDirectory"/>
    /// (conversation), and Quartz's job store (storage's own <c>AddQuartz</c> call).
    /// </summary>
    public static IServiceCollection AddBlockBotSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClearingPolicyOptions>()
            .Bind(configuration.GetSection(ClearingPolicyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PeriodsOptions>()
            .Bind(configuration.GetSection(PeriodsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TicketGaugeOptions>()
            .Bind(configuration.GetSection(TicketGaugeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DateDisplay>();

        services.AddSingleton<ClearingPolicy>();
        services.AddSingleton<IEventOutbox, EventOutbox>();
        services.AddSingleton<EventDeliveryOrder>();
        // One instance unless storage says otherwise (PostgreSQL replaces it with an advisory lock).
        services.TryAddSingleton<ICrossInstanceLock, SingleInstanceLock>();
        services.AddMetrics();
        services.AddSingleton<SupportMetrics>();
        services.AddSingleton<TicketGauges>();
        services.AddHostedService<TicketGaugeRefreshService>();
        services.AddSingleton<IKnownEvents, KnownEvents>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<TicketOpenings>();
        services.AddSingleton<TicketIssuer>();
        services.AddSingleton<StaffDesk>();
        services.AddSingleton<TicketCardText>();
        services.AddSingleton<TicketWithdrawal>();
        services.AddSingleton<IMessageRelay, HandoffRelay>();
        services.AddSingleton<IPersonalDataEraser, CustomerDataEraser>();
        services.AddSingleton<ICustomerStatusSource, CustomerStatusSource>();
        services.AddSingleton<IStatusReport, CaseStatusReport>();
        services.AddSingleton<ICancelHook, CaseCancellation>();
        services.AddSingleton<ICustomerFacts, CustomerFacts>();
        services.AddSingleton<UnansweredQuestionsText>();

        services.AddSingleton<IDialogAction, CheckHistoryAction>();
        services.AddSingleton<IDialogAction, OpenCaseAction>();
        services.AddSingleton<IDialogAction, SetStageAction>();
        services.AddSingleton<IDialogAction, RequestClearingAction>();
        services.AddSingleton<IDialogAction, ScheduleReminderAction>();
        services.AddSingleton<IDialogAction, CancelRemindersAction>();
        services.AddSingleton<CloseCaseAction>();
        services.AddSingleton<IDialogAction>(sp => sp.GetRequiredService<CloseCaseAction>());
        services.AddSingleton<IDialogAction, HandoffAction>();
        services.AddSingleton<IDialogAction, ForgetMeAction>();

        services.AddTransient<DeliverConversationEventJob>();
        services.AddTransient<OpenScheduledTicketJob>();

        // Scheduler-level settings only; the job store is configured by storage's own AddQuartz call,
        // and the two calls configure the one default scheduler.
        services.AddQuartz(quartz => quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "BlockBot"));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
