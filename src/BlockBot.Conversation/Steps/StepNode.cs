using BlockBot.Conversation.Dialogs.Model;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Steps;

/// <summary>One step of a dialog file as a kind's parser receives it.</summary>
/// <param name="Body">The node under the kind's key, e.g. the mapping after <c>ask:</c>.</param>
/// <param name="Step">The whole step mapping, for keys that sit beside the kind's key (<c>with</c>, <c>events</c>).</param>
internal sealed record StepNode(string? Id, SourceLocation Location, YamlNode Body, YamlMappingNode Step);
