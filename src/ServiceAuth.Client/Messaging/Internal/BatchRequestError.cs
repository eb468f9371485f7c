namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>A service's error answer to a whole request (<c>AuthorizationError</c>, <c>AccessDeniedException</c>, …), as
/// its entries carry it.</summary>
internal sealed record BatchRequestError(string Code, string? Message, bool SenderFault, string? RequestId);
