namespace RealGuard.NotificationService.CustomerService;

/// <summary>customer-service could not say who is at a location (down, slow, or refusing this service).</summary>
public sealed class CustomerServiceUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
