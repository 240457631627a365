using System.Text.RegularExpressions;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Docs;

/// <summary>
/// docs/architecture.md is the page a newcomer reads first, so every file it names must be there: a renamed or
/// deleted file fails here instead of sending the reader to nothing.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    private static readonly string DocsFolder = Path.Combine(RepositoryPaths.Root, "docs");

    private static readonly string[] PathEndings = [".cs", ".yaml", ".md", ".sql", ".json", ".csproj"];

    private static readonly string[] TopFolders = ["src/", "tests/", "bench/", "dialogs/", "docs/"];

    [Fact]
    public void Every_relative_link_leads_to_a_file_or_folder_of_the_repository()
    {
        var targets = LinkPattern().Matches(Prose()).Select(match => match.Groups["target"].Value).Where(IsRelative).ToList();

        // The page is mostly links to code; far fewer would mean the links are no longer read.
        Assert.True(targets.Count >= 50, $"only {targets.Count} relative links found in docs/architecture.md");
        Assert.Empty(Missing(targets.Select(target => RepositoryRelative(Path.Combine(DocsFolder, target.Split('#')[0])))));
    }

    [Fact]
    public void Every_repository_path_in_backticks_exists()
    {
        // A path written as a link's text is checked through the link's target, and is often relative to its project.
        var withoutLinks = LinkPattern().Replace(Prose(), string.Empty);
        var paths = CodeSpanPattern().Matches(withoutLinks)
            .Select(match => match.Groups["code"].Value)
            .Where(LooksLikeRepositoryPath)
            .ToList();

        Assert.NotEmpty(paths);
        Assert.Empty(Missing(paths.Select(path => path.TrimEnd('/'))));
    }

    /// <summary>The page without its fenced blocks (the mermaid diagram), whose text is neither links nor code spans.</summary>
    private static string Prose() =>
        FencePattern().Replace(File.ReadAllText(Path.Combine(DocsFolder, "architecture.md")), string.Empty);

    private static bool IsRelative(string target) =>
        !target.StartsWith('#') && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal);

    /// <summary>
    /// A file of a known kind, or anything under one of the repository's top folders (src/, tests/, …); placeholders
    /// (<c>Steps/&lt;Kind&gt;/</c>) and globs are not paths.
    /// </summary>
    private static bool LooksLikeRepositoryPath(string code) =>
        code.Contains('/', StringComparison.Ordinal)
        && code.IndexOfAny([' ', '<', '>', '*', '{', '}', '…']) < 0
        && (PathEndings.Any(ending => code.EndsWith(ending, StringComparison.Ordinal))
            || TopFolders.Any(folder => code.StartsWith(folder, StringComparison.Ordinal)));

    private static string RepositoryRelative(string path) =>
        Path.GetRelativePath(RepositoryPaths.Root, Path.GetFullPath(path)).Replace('\\', '/');

    private static List<string> Missing(IEnumerable<string> repositoryPaths) =>
        repositoryPaths
            .Distinct(StringComparer.Ordinal)
            .Where(path => !Exists(path))
            .ToList();

    private static bool Exists(string repositoryPath)
    {
        var full = Path.Combine(RepositoryPaths.Root, repositoryPath);
        return File.Exists(full) || Directory.Exists(full);
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex CodeSpanPattern();
}
