namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>customer-service could not say what the caller may do: unreachable, failing, or answering nonsense.</summary>
public sealed class CustomerServiceUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
