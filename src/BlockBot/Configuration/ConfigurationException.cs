namespace BlockBot.Configuration;

/// <summary>A setting is unusable; the message is the one line the program prints: the key, the value (secrets masked) and what is allowed.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
