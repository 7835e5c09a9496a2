namespace NewsNlp.Cli;

/// <summary>A mistake in how the command was called (exit code 2): a missing file, a bad option value.</summary>
internal sealed class UsageException(string message) : Exception(message);
