using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RealGuard.NotificationService.Authorization;
using RealGuard.NotificationService.CustomerService;
using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Events;

namespace RealGuard.NotificationService.Endpoints;

public static class NotificationsApi
{
    /// <summary>How many of a person's notifications <c>GET /notifications</c> returns: the newest.</summary>
    public const int MaxNotifications = 100;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/notifications").WithTags("Notifications");

        api.MapPost("/events", ReceiveEventAsync)
            .RequireAuthorization(Policies.SendNotifications)
            .WithSummary("Deliver a security-system event (services with notifications:send); idempotent on eventId.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("", GetMyNotificationsAsync)
            .RequireAuthorization()
            .WithSummary("The caller's notifications, newest first.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return api;
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ReceiveEventAsync(
        SecuritySystemEventRequest request, EventIntake intake, HttpContext httpContext, CancellationToken cancellationToken)
    {
        // Validated before this runs (AddValidation); what does not bind is BadRequestBodyHandler's.
        try
        {
            await intake.AcceptAsync(request.ToEvent(), cancellationToken);
            return TypedResults.Accepted((string?)null);
        }
        catch (CustomerServiceUnavailableException)
        {
            httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString();
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Recipients unavailable",
                detail: "Who to notify could not be fetched from customer-service. The event was not stored; deliver it again later.");
        }
    }

    public static async Task<Ok<NotificationsResponse>> GetMyNotificationsAsync(
        ClaimsPrincipal user, NotificationDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var notifications = userId is null
            ? []
            : await db.Notifications
                .AsNoTracking()
                .Where(notification => notification.RecipientUserId == userId)
                .OrderByDescending(notification => notification.OccurredAt)
                .ThenByDescending(notification => notification.Id)
                .Take(MaxNotifications)
                .ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationsResponse(notifications.Select(NotificationResponse.From).ToList()));
    }
}
