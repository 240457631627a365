namespace BlockBot.Bench;

/// <summary>Finds the repository (the folder of BlockBot.sln), so the bench runs the real dialogs/ files.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "BlockBot.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("BlockBot.sln was not found above the working folder or " + AppContext.BaseDirectory);
    }
}
