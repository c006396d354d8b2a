using RealGuard.NotificationService.Domain;

namespace RealGuard.NotificationService.Endpoints;

public sealed record NotificationsResponse(IReadOnlyList<NotificationResponse> Notifications);

public sealed record NotificationResponse(
    Guid Id, Guid EventId, Guid SecuritySystemId, Guid LocationId, string LocationName, string Message, DateTime OccurredAt)
{
    public static NotificationResponse From(Notification notification) => new(
        notification.Id, notification.EventId, notification.SecuritySystemId, notification.LocationId,
        notification.LocationName, notification.Message, notification.OccurredAt);
}
