namespace RealGuard.ServiceDefaults.Validation;

/// <summary>The wording of field errors, the same in every service (attribute arguments must be constants).</summary>
public static class ValidationMessages
{
    public const string Required = "Required.";
    public const string NonEmptyGuid = "Must be a non-empty GUID.";

    /// <summary>For <see cref="System.ComponentModel.DataAnnotations.MaxLengthAttribute"/>, whose <c>{1}</c> is the length.</summary>
    public const string MaxLength = "At most {1} characters.";
}
