namespace RealGuard.CustomerService.Iam;

/// <summary>The IAM already has a user with this username (the e-mail address).</summary>
public sealed class IamConflictException() : Exception("The IAM already has a user with this username.");

/// <summary>The IAM could not be reached, or refused the service's request; nothing was provisioned by that call.</summary>
public sealed class IamUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
