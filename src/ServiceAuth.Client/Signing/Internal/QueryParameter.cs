using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>One encoded query parameter: where its name and value sit in a scratch buffer.</summary>
internal readonly record struct QueryParameter(int NameStart, int NameLength, int ValueStart, int ValueLength);
