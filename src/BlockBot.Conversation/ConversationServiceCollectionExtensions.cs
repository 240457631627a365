using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.Handover;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.Proactive;
using BlockBot.Conversation.State;
using BlockBot.Conversation.Steps;
using BlockBot.Conversation.Transcripts;
using BlockBot.Conversation.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;

namespace BlockBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The dialog engine, its state and pipeline, and the services every project shares (<see cref="DateDisplay"/>,
    /// <see cref="BlockBotMetrics"/>). Needs an IStorage, an ITurnStore, an <see cref="ICrossInstanceLock"/> (storage
    /// chooses it by provider) and the domain's abstractions registered elsewhere.
    /// </summary>
    public static IServiceCollection AddBlockBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneExists(o.TimeZone), "BlockBot:TimeZone is not a known time zone id")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DateDisplay>();
        services.AddSingleton<DialogSetLoader>();
        services.AddSingleton<DialogSetProvider>();
        services.AddHostedService<DialogLoadingService>();

        // Saved with the turn, through its unit of work (ADR 0010); IStorage is read for what the turn has not changed.
        services.AddSingleton<ConversationState>(sp => new TurnSavedConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<UserState>(sp => new TurnSavedUserState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<BotStateAccessors>();

        services.AddStepKinds();
        services.AddSingleton<DialogRunner>();
        services.AddSingleton<EventReceiver>();
        services.AddSingleton<BuiltInCommands>();
        services.AddOptions<UnderstandingOptions>()
            .Bind(configuration.GetSection(UnderstandingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.UnsureScore <= o.ConfidentScore, "BlockBot:Understanding:UnsureScore must not exceed ConfidentScore")
            .ValidateOnStart();
        services.AddSingleton<MessageInterpreter>();
        services.TryAddSingleton<ICustomerFacts, NoCustomerFacts>();
        services.AddSingleton<QuestionAnswering>();
        services.AddSingleton<HandoverAcceptance>();
        services.AddSingleton<IHandoverOffer, HandoverOffer>();
        services.AddSingleton(sp => new DialogEngine(
            sp.GetRequiredService<DialogSetProvider>(),
            sp.GetRequiredService<BotStateAccessors>(),
            sp.GetRequiredService<DialogRunner>(),
            sp.GetRequiredService<BuiltInCommands>(),
            sp.GetRequiredService<QuestionAnswering>(),
            sp.GetRequiredService<EventReceiver>(),
            sp.GetRequiredService<HandoverAcceptance>(),
            sp.GetServices<IStepAnswer>(),
            sp.GetRequiredService<ConversationReferenceRecorder>(),
            sp.GetRequiredService<IOptions<ConversationOptions>>(),
            sp.GetRequiredService<ILogger<DialogEngine>>()));
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<DialogEngine>());

        services.TryAddSingleton(CustomerTurnAdmission.Unlimited);
        services.AddSingleton<ConversationTurnLock>();
        services.AddSingleton<TurnCommitMiddleware>();
        services.AddSingleton<TranscriptRecorder>();
        services.AddMetrics();
        services.AddSingleton<BlockBotMetrics>();
        services.AddSingleton<TurnMetrics>();
        services.AddSingleton<ConversationReferenceRecorder>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<BotPipeline>();
        services.AddSingleton<IConversationEvents, ConversationEventDispatcher>();
        return services;
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
