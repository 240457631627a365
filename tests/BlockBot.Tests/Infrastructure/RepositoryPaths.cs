namespace BlockBot.Tests.Infrastructure;

/// <summary>Finds the repository's own folders, so tests run the real dialogs/ files.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BlockBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("BlockBot.sln not found above " + AppContext.BaseDirectory);
    }
}
