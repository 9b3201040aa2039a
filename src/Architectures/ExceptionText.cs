using System;

namespace Canopy.Architectures;

/// <summary>
/// The message of an exception as a user should read it. .NET appends " (Parameter 'name')" to an ArgumentException
/// and a line "Actual value was ..." to an ArgumentOutOfRangeException, which name code, not the user's input.
/// </summary>
internal static class ExceptionText
{
    public static string Plain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception.Message;
        if (exception is not ArgumentException argument)
        {
            return message;
        }

        int actualValue = message.IndexOf(Environment.NewLine + "Actual value was", StringComparison.Ordinal);
        if (actualValue >= 0)
        {
            message = message[..actualValue];
        }

        string parameter = $" (Parameter '{argument.ParamName}')";
        return argument.ParamName is not null && message.EndsWith(parameter, StringComparison.Ordinal)
            ? message[..^parameter.Length]
            : message;
    }
}
