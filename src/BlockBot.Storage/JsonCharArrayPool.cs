using System.Buffers;
using Newtonsoft.Json;

namespace BlockBot.Storage;

/// <summary>Lends Json.NET's readers and writers their character buffers from the shared pool instead of new arrays.</summary>
internal sealed class JsonCharArrayPool : IArrayPool<char>
{
    public static JsonCharArrayPool Instance { get; } = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
