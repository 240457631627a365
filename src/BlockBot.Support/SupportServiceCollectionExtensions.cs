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
using BlockBot.Support.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace BlockBot.Support;

public static class SupportServiceCollectionExtensions
{
    /// <summary>Quartz's instance name: its rows in a persistent store carry it.</summary>
    public const string SchedulerName = "BlockBot";

    /// <summary>
    /// The support domain: policy, tickets, staff desk, reminders, event delivery, every dialog action, and the
    /// Quartz scheduler with its hosted service. Expects from elsewhere: <see cref="ICaseRepository"/>,
    /// <see cref="ITicketRepository"/>, <see cref="IQueuedEvents"/> and <see cref="ITranscriptEraser"/> (storage), <see cref="IStaffChat"/> (a channel), <see cref="IConversationEvents"/>,
    /// <see cref="IConversationDirectory"/>, <see cref="ICrossInstanceLock"/>, <see cref="DateDisplay"/> and <see cref="BlockBotMetrics"/>
    /// (conversation and storage).
    /// </summary>
    /// <param name="configureStore">
    /// Adds Quartz's job store to the one scheduler configuration, e.g. storage's <c>UseBlockBotStore</c> (the persistent
    /// store in BlockBot's database). Without it Quartz keeps jobs in memory.
    /// </param>
    public static IServiceCollection AddBlockBotSupport(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IQuartzBuilder>? configureStore = null)
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

        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ClearingPolicy>();
        services.AddSingleton<EventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EventDispatcher>());
        services.AddSingleton<IEventOutbox, EventOutbox>();
        services.AddSingleton<EventDeliveryOrder>();
        services.AddSingleton<SupportMetrics>();
        services.AddSingleton<TicketGauges>();
        services.AddHostedService<TicketGaugeRefreshService>();
        services.AddSingleton<IKnownEvents, KnownEvents>();
        services.AddSingleton<ReminderScheduler>();
        services.TryAddSingleton<IScheduledJobLookup, SchedulerJobLookup>();
        services.AddSingleton<TicketOpenings>();
        services.AddSingleton<TicketIssuer>();
        services.AddSingleton<StaffDesk>();
        services.AddSingleton<TicketCardText>();
        services.AddSingleton<TicketWithdrawal>();
        services.AddSingleton<IMessageRelay, HandoffRelay>();
        services.AddSingleton<IPersonalDataEraser, CustomerDataEraser>();
        services.AddHostedService<TranscriptRetentionService>();
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

        // The one AddQuartz call: Support owns scheduling. The job store comes from whoever owns the database.
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            configureStore?.Invoke(quartz);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
