using System.Text.Json;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// Finds a property name that appears twice in one JSON object, at any depth (names compared after unescaping, letter
/// case ignored). System.Text.Json binds the last of two equal names, and its <c>AllowDuplicateProperties</c> switch
/// exists only from .NET 9, so the STS answer is scanned once with <see cref="Utf8JsonReader"/> on every target.
/// </summary>
internal static class JsonDuplicateProperties
{
    /// <summary>Whether <paramref name="json"/> has a duplicate property; malformed JSON answers <see langword="false"/>
    /// (the deserializer refuses it).</summary>
    public static bool Any(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        var open = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.StartArray:
                        open.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case JsonTokenType.PropertyName when !open.Peek()!.Add(reader.GetString()!):
                        return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
