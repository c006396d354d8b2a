using RealGuard.Web.Authentication;

namespace RealGuard.Web.Clients;

/// <summary>notification-service: the signed-in user's notifications, newest first.</summary>
public class NotificationsClient(HttpClient http, CurrentUserSession session) : ServiceClient(http, session)
{
    public virtual async Task<IReadOnlyList<Notification>> ListAsync(CancellationToken cancellationToken = default)
        => (await GetAsync<NotificationList>("/notifications", cancellationToken)).Notifications;
}

public sealed record Notification(Guid Id, Guid EventId, Guid SecuritySystemId, Guid LocationId, string? LocationName, string Message, DateTimeOffset OccurredAt);

public sealed record NotificationList(IReadOnlyList<Notification> Notifications);
